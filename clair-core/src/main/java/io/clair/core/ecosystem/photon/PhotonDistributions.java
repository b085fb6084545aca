package io.clair.core.ecosystem.photon;

import io.clair.core.index.Distribution;

/**
 * The VMware Photon OS {@link Distribution} values shared by the distribution scanner and the Photon updater, with
 * claircore's field values. Photon publishes one CVE feed per {@code N.0} release.
 */
public final class PhotonDistributions {
    public static final String DID = "photon";
    public static final String NAME = "VMware Photon OS";

    private PhotonDistributions() {
    }

    /** Photon OS {@code release}, written {@code N.0} as in os-release and the feed names, e.g. {@code "4.0"}. */
    public static Distribution release(String release) {
        return new Distribution("", DID, NAME, release, "", release, "", "", "VMware Photon OS/Linux");
    }
}
