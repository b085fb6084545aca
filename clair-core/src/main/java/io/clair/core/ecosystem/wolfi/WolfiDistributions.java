package io.clair.core.ecosystem.wolfi;

import io.clair.core.index.Distribution;

/**
 * The Wolfi {@link Distribution} shared by the distribution scanner and the Wolfi secdb updater. Wolfi is a rolling
 * distribution with a single security feed ({@code packages.wolfi.dev/os/security.json}); its os-release
 * {@code VERSION_ID} is a build date, so recording it would give every image build its own distribution and break
 * matching. The distribution therefore has no version. (claircore has no Wolfi support to follow.)
 */
public final class WolfiDistributions {
    public static final String DID = "wolfi";
    public static final String NAME = "Wolfi";

    /** The one Wolfi distribution. */
    public static final Distribution WOLFI = new Distribution("", DID, NAME, "", "", "", "", "", NAME);

    private WolfiDistributions() {
    }
}
