package io.clair.core.version.semver;

import io.clair.core.version.VersionScheme;

/** The {@code semver} scheme: SemVer 2.0.0 precedence with node-semver's strict parsing (npm, crates, OSV SEMVER). */
public final class SemVerScheme implements VersionScheme {
    @Override
    public String name() {
        return SemVer.SCHEME;
    }

    @Override
    public int compare(String a, String b) {
        return Integer.signum(SemVer.parse(a).compareTo(SemVer.parse(b)));
    }
}
