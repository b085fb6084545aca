package io.clair.core.ecosystem.suse;

import io.clair.core.index.Distribution;

/**
 * The SUSE {@link Distribution} values shared by the distribution scanner and the SUSE OVAL updater, with
 * claircore's field values. SUSE Linux Enterprise Server publishes one OVAL file per major release (all service
 * packs), so SLES is normalized to its major release; openSUSE Leap publishes one per {@code MAJOR.MINOR} release.
 */
public final class SuseDistributions {
    public static final String SLES_DID = "sles";
    public static final String SLES_NAME = "SLES";
    public static final String LEAP_DID = "opensuse-leap";
    public static final String LEAP_NAME = "openSUSE Leap";

    private SuseDistributions() {
    }

    /** SUSE Linux Enterprise Server {@code major} (any service pack), e.g. {@code sles(15)}. */
    public static Distribution sles(int major) {
        String v = Integer.toString(major);
        return new Distribution("", SLES_DID, SLES_NAME, v, "", v, "", "", "SUSE Linux Enterprise Server " + v);
    }

    /** openSUSE Leap {@code release}, e.g. {@code leap("15.5")}. */
    public static Distribution leap(String release) {
        return new Distribution("", LEAP_DID, LEAP_NAME, release, "", release, "", "", LEAP_NAME + " " + release);
    }
}
