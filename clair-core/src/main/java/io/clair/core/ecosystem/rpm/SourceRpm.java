package io.clair.core.ecosystem.rpm;

import java.util.Optional;

/**
 * A source package named by a binary package's SOURCERPM tag, which is only a file name,
 * {@code name-version-release.src.rpm}. The name and version are cut at its last two hyphens, as claircore does; the
 * epoch is not in the file name, so source versions never carry one.
 *
 * @param name    the source package name
 * @param version {@code version-release}
 */
public record SourceRpm(String name, String version) {

    /**
     * Parses a SOURCERPM value; empty for {@code ""} and rpm's {@code (none)}, and for a value that does not have the
     * {@code name-version-release} shape.
     */
    public static Optional<SourceRpm> parse(String fileName) {
        String s = fileName;
        if (s.endsWith(".rpm")) {
            s = s.substring(0, s.length() - ".rpm".length());
        }
        if (s.endsWith(".src")) {
            s = s.substring(0, s.length() - ".src".length());
        } else if (s.endsWith(".nosrc")) {
            s = s.substring(0, s.length() - ".nosrc".length());
        }
        int rel = s.lastIndexOf('-');
        int ver = rel <= 0 ? -1 : s.lastIndexOf('-', rel - 1);
        if (ver <= 0 || rel == s.length() - 1 || ver + 1 == rel) {
            return Optional.empty();
        }
        return Optional.of(new SourceRpm(s.substring(0, ver), s.substring(ver + 1)));
    }
}
