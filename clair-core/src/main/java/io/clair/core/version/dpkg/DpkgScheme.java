package io.clair.core.version.dpkg;

import io.clair.core.version.VersionScheme;

/** The {@code dpkg} scheme: Debian and Ubuntu package versions, compared as {@code dpkg --compare-versions} does. */
public final class DpkgScheme implements VersionScheme {
    @Override
    public String name() {
        return DpkgVersion.SCHEME;
    }

    @Override
    public int compare(String a, String b) {
        return Integer.signum(DpkgVersion.parse(a).compareTo(DpkgVersion.parse(b)));
    }
}
