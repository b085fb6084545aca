package io.clair.core.ecosystem.alpine;

import io.clair.core.index.Distribution;

/**
 * The Alpine {@link Distribution} values shared by the distribution scanner and the secdb updater, which must agree
 * exactly for matching (the matcher compares {@code did}, {@code name} and {@code prettyName}).
 *
 * <p>The release goes in {@code version}, with {@code versionId} empty: that is what claircore's Alpine distribution
 * scanner reports (its expected values in {@code alpine/testdata/<release>/want}). claircore's secdb updater fills
 * {@code versionId} instead, which only works there because its matcher ignores both fields; here scanner and
 * updater share this one value.
 */
public final class AlpineDistributions {
    public static final String DID = "alpine";
    public static final String NAME = "Alpine Linux";

    private AlpineDistributions() {
    }

    /**
     * The distribution for an Alpine release given as {@code 3.18} (also accepts {@code v3.18} or {@code 3.18.4});
     * {@code edge} stays {@code edge}.
     */
    public static Distribution release(String release) {
        String r = release.startsWith("v") ? release.substring(1) : release;
        if (!r.equals("edge")) {
            String[] parts = r.split("\\.");
            if (parts.length < 2) {
                throw new IllegalArgumentException("alpine: release \"" + release + "\" is not MAJOR.MINOR");
            }
            r = parts[0] + "." + parts[1];
        }
        String pretty = r.equals("edge") ? NAME + " edge" : NAME + " v" + r;
        return new Distribution("", DID, NAME, r, "", "", "", "", pretty);
    }
}
