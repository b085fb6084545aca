package io.clair.core.version.gem;

import io.clair.core.version.VersionScheme;

/** The {@code gem} scheme: RubyGems versions as {@code Gem::Version#<=>} orders them. */
public final class GemScheme implements VersionScheme {
    @Override
    public String name() {
        return GemVersion.SCHEME;
    }

    @Override
    public int compare(String a, String b) {
        return GemVersion.parse(a).compareTo(GemVersion.parse(b));
    }
}
