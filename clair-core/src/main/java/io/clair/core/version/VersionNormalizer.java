package io.clair.core.version;

import io.clair.core.version.go.GoVersion;
import io.clair.core.version.pep440.Pep440Version;
import io.clair.core.version.semver.SemVer;
import java.util.Optional;

/**
 * Turns a version into the {@link NormalizedVersion} that SQL range filters compare, for the schemes where claircore
 * does so ({@code semver}, {@code pep440}, {@code go}). Wherever two versions both normalize, their normalized forms
 * order as {@link VersionScheme#compare} orders the versions; a version whose order the ten integers cannot keep
 * normalizes to empty, and must then be compared in Java.
 */
@FunctionalInterface
public interface VersionNormalizer {

    /**
     * The normalized form, or empty when it cannot be represented.
     *
     * @throws InvalidVersionException when the version does not parse
     */
    Optional<NormalizedVersion> normalize(String version);

    /** The normalizer of a scheme, or empty for schemes compared in Java only (dpkg, rpm, apk, maven, gem). */
    static Optional<VersionNormalizer> of(String scheme) {
        switch (scheme) {
            case "semver":
                return Optional.of(v -> SemVer.parse(v).normalized());
            case "pep440":
                return Optional.of(v -> Pep440Version.parse(v).normalized());
            case "go":
                return Optional.of(v -> GoVersion.parse(v).normalized());
            default:
                return Optional.empty();
        }
    }
}
