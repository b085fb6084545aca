package io.clair.core.version.apk;

import io.clair.core.version.VersionScheme;

/** The {@code apk} scheme: Alpine package versions as apk-tools 2.14 compares them; invalid versions are rejected. */
public final class ApkScheme implements VersionScheme {
    @Override
    public String name() {
        return ApkVersion.SCHEME;
    }

    @Override
    public int compare(String a, String b) {
        return ApkVersion.parse(a).compareTo(ApkVersion.parse(b));
    }
}
