package io.clair.core.ecosystem.ubuntu;

import io.clair.core.index.Distribution;

/**
 * The Ubuntu {@link Distribution} values shared by the distribution scanner and the OVAL updater, which must agree
 * for matching (the matcher compares {@code did}, {@code name} and {@code versionId}).
 */
public final class UbuntuDistributions {
    public static final String DID = "ubuntu";
    public static final String NAME = "Ubuntu";

    private UbuntuDistributions() {
    }

    /** The distribution for a release, e.g. {@code release("22.04", "jammy")}. */
    public static Distribution release(String versionId, String codename) {
        return new Distribution("", DID, NAME, versionId + " (" + capitalize(codename) + ")", codename, versionId,
                "", "", NAME + " " + versionId);
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
