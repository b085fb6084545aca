package io.clair.core.version.rpm;

/**
 * rpm's {@code rpmvercmp}: the segment comparison rpm applies to each of epoch, version and release.
 *
 * <p>Both strings are split into runs of ASCII letters and runs of ASCII digits; anything else separates runs and is
 * otherwise ignored, except {@code ~} (sorts before everything, even the end) and {@code ^} (sorts after the end but
 * before anything else). Digit runs compare numerically with no size limit and beat letter runs.
 */
public final class RpmVerCmp {
    private RpmVerCmp() {
    }

    /** -1, 0 or 1 as {@code a} is older than, the same as or newer than {@code b}. */
    public static int compare(String a, String b) {
        if (a.equals(b)) {
            return 0;
        }
        int i = 0;
        int j = 0;
        while (true) {
            while (i < a.length() && isSeparator(a.charAt(i))) {
                i++;
            }
            while (j < b.length() && isSeparator(b.charAt(j))) {
                j++;
            }
            boolean aTilde = i < a.length() && a.charAt(i) == '~';
            boolean bTilde = j < b.length() && b.charAt(j) == '~';
            if (aTilde || bTilde) {
                if (!aTilde) {
                    return 1;
                }
                if (!bTilde) {
                    return -1;
                }
                i++;
                j++;
                continue;
            }
            boolean aCaret = i < a.length() && a.charAt(i) == '^';
            boolean bCaret = j < b.length() && b.charAt(j) == '^';
            if (aCaret || bCaret) {
                if (i == a.length()) {
                    return -1;
                }
                if (j == b.length()) {
                    return 1;
                }
                if (!aCaret) {
                    return 1;
                }
                if (!bCaret) {
                    return -1;
                }
                i++;
                j++;
                continue;
            }
            if (i == a.length() || j == b.length()) {
                break;
            }
            boolean numeric = isDigit(a.charAt(i));
            int as = i;
            int bs = j;
            if (numeric) {
                while (i < a.length() && isDigit(a.charAt(i))) {
                    i++;
                }
                while (j < b.length() && isDigit(b.charAt(j))) {
                    j++;
                }
            } else {
                while (i < a.length() && isAlpha(a.charAt(i))) {
                    i++;
                }
                while (j < b.length() && isAlpha(b.charAt(j))) {
                    j++;
                }
            }
            if (j == bs) {
                // the segments differ in type: numeric is newer than alpha
                return numeric ? 1 : -1;
            }
            if (numeric) {
                while (as < i && a.charAt(as) == '0') {
                    as++;
                }
                while (bs < j && b.charAt(bs) == '0') {
                    bs++;
                }
                int la = i - as;
                int lb = j - bs;
                if (la != lb) {
                    return la > lb ? 1 : -1;
                }
            }
            int c = compareRange(a, as, i, b, bs, j);
            if (c != 0) {
                return c;
            }
        }
        if (i == a.length() && j == b.length()) {
            return 0;
        }
        return i == a.length() ? -1 : 1;
    }

    private static int compareRange(String a, int as, int ae, String b, int bs, int be) {
        int n = Math.min(ae - as, be - bs);
        for (int k = 0; k < n; k++) {
            int c = Character.compare(a.charAt(as + k), b.charAt(bs + k));
            if (c != 0) {
                return c < 0 ? -1 : 1;
            }
        }
        return Integer.signum((ae - as) - (be - bs));
    }

    private static boolean isSeparator(char c) {
        return !isAlpha(c) && !isDigit(c) && c != '~' && c != '^';
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isAlpha(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
