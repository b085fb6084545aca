package io.clair.core.version.rpm;

import io.clair.core.version.InvalidVersionException;

/**
 * An rpm EVR, {@code [epoch:]version[-release]}, ordered as {@code rpm.labelCompare} orders it: epoch (absent = 0),
 * then version, then release, each with {@link RpmVerCmp}; a missing release sorts before any release.
 *
 * <p>The release is what follows the hyphen; rpm forbids hyphens inside version and release, so a string with more
 * than one is rejected here (claircore would read the front as a package name: see {@link RpmNevra}). A colon is
 * accepted only after a numeric epoch.
 *
 * @param epoch   the epoch digits, "0" when absent
 * @param version the version, never empty
 * @param release the release, or {@code null} when there is none
 */
public record RpmVersion(String epoch, String version, String release) implements Comparable<RpmVersion> {

    static final String SCHEME = "rpm";

    /**
     * Parses {@code [epoch:]version[-release]}.
     *
     * @throws InvalidVersionException for an empty version or release, a non-numeric epoch, a second hyphen or colon,
     *                                 or whitespace
     */
    public static RpmVersion parse(String s) {
        if (s == null || s.isEmpty()) {
            throw new InvalidVersionException(SCHEME, String.valueOf(s), "empty version");
        }
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i)) || Character.isISOControl(s.charAt(i))) {
                throw new InvalidVersionException(SCHEME, s, "whitespace or control character");
            }
        }
        String epoch = "0";
        String rest = s;
        int colon = s.indexOf(':');
        if (colon >= 0) {
            String e = s.substring(0, colon);
            for (int i = 0; i < e.length(); i++) {
                if (!RpmVerCmp.isDigit(e.charAt(i))) {
                    throw new InvalidVersionException(SCHEME, s, "epoch is not a number");
                }
            }
            // rpm reads "e:" with an empty epoch as epoch 0
            epoch = e.isEmpty() ? "0" : e;
            rest = s.substring(colon + 1);
            if (rest.indexOf(':') >= 0) {
                throw new InvalidVersionException(SCHEME, s, "more than one colon");
            }
        }
        String version = rest;
        String release = null;
        int dash = rest.indexOf('-');
        if (dash >= 0) {
            if (rest.indexOf('-', dash + 1) >= 0) {
                throw new InvalidVersionException(SCHEME, s, "more than one hyphen");
            }
            version = rest.substring(0, dash);
            release = rest.substring(dash + 1);
            if (release.isEmpty()) {
                throw new InvalidVersionException(SCHEME, s, "empty release");
            }
        }
        if (version.isEmpty()) {
            throw new InvalidVersionException(SCHEME, s, "empty version");
        }
        return new RpmVersion(epoch, version, release);
    }

    @Override
    public int compareTo(RpmVersion o) {
        int c = RpmVerCmp.compare(epoch, o.epoch);
        if (c != 0) {
            return c;
        }
        c = RpmVerCmp.compare(version, o.version);
        if (c != 0) {
            return c;
        }
        if (release == null || o.release == null) {
            return release == null ? (o.release == null ? 0 : -1) : 1;
        }
        return RpmVerCmp.compare(release, o.release);
    }

    @Override
    public String toString() {
        return ("0".equals(epoch) ? "" : epoch + ":") + version + (release == null ? "" : "-" + release);
    }
}
