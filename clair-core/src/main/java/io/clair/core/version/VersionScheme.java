package io.clair.core.version;

/**
 * Version ordering of one ecosystem, agreeing with that ecosystem's own tool (dpkg, rpm, apk-tools, packaging,
 * node-semver, Maven, the go command, RubyGems).
 */
public interface VersionScheme {

    /** One of {@code dpkg}, {@code rpm}, {@code apk}, {@code pep440}, {@code semver}, {@code maven}, {@code go}, {@code gem}. */
    String name();

    /**
     * Compares two versions; the sign is as for {@link java.util.Comparator}.
     *
     * @throws InvalidVersionException when either version cannot be parsed by this scheme
     */
    int compare(String a, String b);

    /**
     * The built-in scheme called {@code name}.
     *
     * @throws IllegalArgumentException for an unknown name
     */
    static VersionScheme of(String name) {
        return BuiltinSchemes.lookup(name)
                .orElseThrow(() -> new IllegalArgumentException("version scheme: unknown \"" + name + "\""));
    }
}
