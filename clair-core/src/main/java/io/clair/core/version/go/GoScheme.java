package io.clair.core.version.go;

import io.clair.core.version.VersionScheme;

/** The {@code go} scheme: Go module versions and Go toolchain versions, in one semver order. */
public final class GoScheme implements VersionScheme {
    @Override
    public String name() {
        return GoVersion.SCHEME;
    }

    @Override
    public int compare(String a, String b) {
        return Integer.signum(GoVersion.parse(a).compareTo(GoVersion.parse(b)));
    }
}
