package io.clair.core.version.dpkg;

import io.clair.core.version.InvalidVersionException;

/**
 * A Debian package version {@code [epoch:]upstream[-revision]}, ordered as dpkg orders it.
 *
 * <p>Parsing follows {@code Dpkg::Version}: the epoch is everything before the first colon and must be digits; the
 * revision is everything after the last hyphen; a missing epoch is 0 and a missing revision is "0" (so {@code 1.0}
 * equals {@code 0:1.0-0}). The upstream part must start with a digit, and only {@code A-Za-z0-9.+~-:} may appear.
 *
 * @param epoch    the epoch digits, "0" when absent
 * @param upstream the upstream version
 * @param revision the Debian revision, "0" when absent
 */
public record DpkgVersion(String epoch, String upstream, String revision) implements Comparable<DpkgVersion> {

    static final String SCHEME = "dpkg";

    /**
     * Parses a version string.
     *
     * @throws InvalidVersionException when dpkg would call it invalid
     */
    public static DpkgVersion parse(String s) {
        if (s == null || s.isEmpty()) {
            throw new InvalidVersionException(SCHEME, String.valueOf(s), "version number cannot be empty");
        }
        String epoch = "0";
        String rest = s;
        int colon = s.indexOf(':');
        // Dpkg::Version uses /^([^:]*):(.+)$/: a colon is an epoch separator only if something follows it
        if (colon >= 0 && colon < s.length() - 1) {
            epoch = s.substring(0, colon);
            rest = s.substring(colon + 1);
            if (epoch.isEmpty()) {
                throw new InvalidVersionException(SCHEME, s, "epoch part of the version number cannot be empty");
            }
        }
        String upstream = rest;
        String revision = "0";
        int dash = rest.lastIndexOf('-');
        if (dash >= 0) {
            upstream = rest.substring(0, dash);
            revision = rest.substring(dash + 1);
            if (revision.isEmpty()) {
                throw new InvalidVersionException(SCHEME, s, "revision cannot be empty");
            }
        }
        if (upstream.isEmpty()) {
            throw new InvalidVersionException(SCHEME, s, "upstream version cannot be empty");
        }
        if (!isDigit(upstream.charAt(0))) {
            throw new InvalidVersionException(SCHEME, s, "version number does not start with digit");
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(isDigit(c) || isLetter(c) || c == '-' || c == '+' || c == ':' || c == '.' || c == '~')) {
                throw new InvalidVersionException(SCHEME, s, "version number contains illegal character '" + c + "'");
            }
        }
        for (int i = 0; i < epoch.length(); i++) {
            if (!isDigit(epoch.charAt(i))) {
                throw new InvalidVersionException(SCHEME, s, "epoch part of the version number is not a number");
            }
        }
        return new DpkgVersion(epoch, upstream, revision);
    }

    @Override
    public int compareTo(DpkgVersion o) {
        int c = compareParts(epoch, o.epoch);
        if (c != 0) {
            return c;
        }
        c = compareParts(upstream, o.upstream);
        return c != 0 ? c : compareParts(revision, o.revision);
    }

    /** The canonical text: the epoch only when non-zero, the revision only when present. */
    @Override
    public String toString() {
        String e = epoch.chars().allMatch(ch -> ch == '0') ? "" : epoch + ":";
        return e + upstream + ("0".equals(revision) ? "" : "-" + revision);
    }

    /**
     * dpkg's {@code verrevcmp}: alternately compare a run of non-digits (by {@link #order}) and a run of digits (by
     * numeric value, with no size limit).
     */
    static int compareParts(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() || j < b.length()) {
            while ((i < a.length() && !isDigit(a.charAt(i))) || (j < b.length() && !isDigit(b.charAt(j)))) {
                int ac = i < a.length() && !isDigit(a.charAt(i)) ? order(a.charAt(i)) : 0;
                int bc = j < b.length() && !isDigit(b.charAt(j)) ? order(b.charAt(j)) : 0;
                if (ac != bc) {
                    return Integer.compare(ac, bc);
                }
                if (i < a.length() && !isDigit(a.charAt(i))) {
                    i++;
                }
                if (j < b.length() && !isDigit(b.charAt(j))) {
                    j++;
                }
            }
            while (i < a.length() && a.charAt(i) == '0') {
                i++;
            }
            while (j < b.length() && b.charAt(j) == '0') {
                j++;
            }
            int firstDiff = 0;
            while (i < a.length() && isDigit(a.charAt(i)) && j < b.length() && isDigit(b.charAt(j))) {
                if (firstDiff == 0) {
                    firstDiff = a.charAt(i) - b.charAt(j);
                }
                i++;
                j++;
            }
            if (i < a.length() && isDigit(a.charAt(i))) {
                return 1;
            }
            if (j < b.length() && isDigit(b.charAt(j))) {
                return -1;
            }
            if (firstDiff != 0) {
                return Integer.signum(firstDiff);
            }
        }
        return 0;
    }

    /** The weight of a non-digit: {@code ~} before the end of the part, the end before letters, letters before the rest. */
    private static int order(char c) {
        if (isLetter(c)) {
            return c;
        }
        if (c == '~') {
            return -1;
        }
        return c + 256;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
