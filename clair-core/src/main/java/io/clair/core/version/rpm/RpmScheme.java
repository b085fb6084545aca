package io.clair.core.version.rpm;

import io.clair.core.version.VersionScheme;

/** The {@code rpm} scheme: EVR strings compared as rpm's {@code labelCompare} does. */
public final class RpmScheme implements VersionScheme {
    @Override
    public String name() {
        return RpmVersion.SCHEME;
    }

    @Override
    public int compare(String a, String b) {
        return Integer.signum(RpmVersion.parse(a).compareTo(RpmVersion.parse(b)));
    }
}
