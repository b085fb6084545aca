package io.clair.core.version.maven;

import io.clair.core.version.InvalidVersionException;
import io.clair.core.version.VersionScheme;
import org.apache.maven.artifact.versioning.ComparableVersion;

/**
 * The {@code maven} scheme: Maven's own {@link ComparableVersion} ordering (maven-artifact 4.0.0-rc-4), used as is.
 * Maven orders any string; only an empty or blank one is rejected here, since it names no version.
 */
public final class MavenScheme implements VersionScheme {
    static final String SCHEME = "maven";

    @Override
    public String name() {
        return SCHEME;
    }

    @Override
    public int compare(String a, String b) {
        return Integer.signum(parse(a).compareTo(parse(b)));
    }

    /**
     * A Maven version.
     *
     * @throws InvalidVersionException for {@code null} or a blank string
     */
    public static ComparableVersion parse(String s) {
        if (s == null || s.isBlank()) {
            throw new InvalidVersionException(SCHEME, String.valueOf(s), "empty version");
        }
        return new ComparableVersion(s);
    }
}
