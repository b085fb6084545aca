package io.clair.core.version.osv;

import io.clair.core.version.VersionScheme;
import java.util.Map;

/**
 * Which {@link VersionScheme} orders the versions of an OSV ecosystem. The ecosystem may carry a release suffix
 * ({@code Debian:12}, {@code Alpine:v3.20}); only the part before the first colon counts.
 */
public final class OsvEcosystems {
    private static final Map<String, String> ECOSYSTEM = Map.ofEntries(
            Map.entry("PyPI", "pep440"), Map.entry("npm", "semver"), Map.entry("crates.io", "semver"),
            Map.entry("Maven", "maven"), Map.entry("RubyGems", "gem"), Map.entry("Go", "go"),
            Map.entry("Debian", "dpkg"), Map.entry("Ubuntu", "dpkg"), Map.entry("Alpine", "apk"),
            Map.entry("Red Hat", "rpm"), Map.entry("AlmaLinux", "rpm"), Map.entry("Rocky Linux", "rpm"),
            Map.entry("SUSE", "rpm"), Map.entry("openSUSE", "rpm"), Map.entry("Mageia", "rpm"),
            Map.entry("openEuler", "rpm"));

    private OsvEcosystems() {
    }

    /** Whether versions of {@code ecosystem} can be ordered here. */
    public static boolean isKnown(String ecosystem) {
        return ECOSYSTEM.containsKey(base(ecosystem));
    }

    /**
     * The scheme for an ecosystem's {@code ECOSYSTEM} ranges; for {@code SEMVER} ranges it is {@code semver}, except
     * for Go, whose module and toolchain versions the {@code go} scheme reads.
     *
     * @throws IllegalArgumentException for an ecosystem with no scheme here
     */
    public static VersionScheme scheme(String ecosystem, OsvRange.Type type) {
        String base = base(ecosystem);
        if (type == OsvRange.Type.SEMVER) {
            return VersionScheme.of("Go".equals(base) ? "go" : "semver");
        }
        String scheme = ECOSYSTEM.get(base);
        if (scheme == null) {
            throw new IllegalArgumentException("osv: no version scheme for ecosystem \"" + ecosystem + "\"");
        }
        return VersionScheme.of(scheme);
    }

    private static String base(String ecosystem) {
        int colon = ecosystem.indexOf(':');
        return colon < 0 ? ecosystem : ecosystem.substring(0, colon);
    }
}
