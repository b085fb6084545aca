package io.clair.core.version.pep440;

import io.clair.core.version.VersionScheme;

/** The {@code pep440} scheme: Python package versions as pypa/packaging orders them. */
public final class Pep440Scheme implements VersionScheme {
    @Override
    public String name() {
        return Pep440Version.SCHEME;
    }

    @Override
    public int compare(String a, String b) {
        return Integer.signum(Pep440Version.parse(a).compareTo(Pep440Version.parse(b)));
    }
}
