package io.clair.core.ecosystem.rpm;

import io.clair.core.ecosystem.rpm.rpmdb.HeaderException;
import io.clair.core.ecosystem.rpm.rpmdb.RpmHeader;

/**
 * What the package scanner takes from one installed header: NEVRA, source rpm and modularity label, as rpm's
 * {@code --queryformat} would print them except that absent strings are {@code ""}.
 *
 * @param name            NAME
 * @param epoch           EPOCH, 0 when absent (rpm's {@code EPOCHNUM})
 * @param version         VERSION
 * @param release         RELEASE
 * @param arch            ARCH, or {@code ""} (gpg-pubkey entries have none)
 * @param sourceRpm       SOURCERPM, the file name of the source package, or {@code ""}
 * @param modularityLabel MODULARITYLABEL ({@code name:stream:version:context}), or {@code ""}
 */
public record RpmPackageInfo(String name, long epoch, String version, String release, String arch, String sourceRpm,
        String modularityLabel) {

    /** Reads the fields from {@code h}; NAME, VERSION and RELEASE must be present. */
    public static RpmPackageInfo of(RpmHeader h) throws HeaderException {
        int[] epoch = h.int32s(RpmHeader.TAG_EPOCH);
        return new RpmPackageInfo(
                required(h, RpmHeader.TAG_NAME, "NAME"),
                epoch.length == 0 ? 0 : Integer.toUnsignedLong(epoch[0]),
                required(h, RpmHeader.TAG_VERSION, "VERSION"),
                required(h, RpmHeader.TAG_RELEASE, "RELEASE"),
                h.string(RpmHeader.TAG_ARCH).orElse(""),
                h.string(RpmHeader.TAG_SOURCERPM).orElse(""),
                h.string(RpmHeader.TAG_MODULARITYLABEL).orElse(""));
    }

    /** {@code [epoch:]version-release}, the epoch only when it is not 0, as claircore writes rpm versions. */
    public String evr() {
        String vr = version + "-" + release;
        return epoch == 0 ? vr : epoch + ":" + vr;
    }

    /**
     * The module stream, {@code name:stream}, cut from the modularity label the way claircore does: everything
     * before the label's second colon, or {@code ""} when the label has fewer than two colons.
     */
    public String moduleStream() {
        int first = modularityLabel.indexOf(':');
        int second = first < 0 ? -1 : modularityLabel.indexOf(':', first + 1);
        return second < 0 ? "" : modularityLabel.substring(0, second);
    }

    private static String required(RpmHeader h, int tag, String what) throws HeaderException {
        return h.string(tag).orElseThrow(() -> new HeaderException("rpm: header: no " + what + " tag"));
    }
}
