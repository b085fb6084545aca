package io.clair.core.version.semver;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One comparator of an npm range after desugaring ({@code >=1.2.3}, {@code <2.0.0-0}, or the empty "any"), as
 * node-semver's {@code Comparator}.
 *
 * @param operator one of "", "<", "<=", ">", ">=" ("" is equality)
 * @param version  the version, or {@code null} for "any"
 */
public record NpmComparator(String operator, SemVer version) {

    private static final Pattern COMPARATOR =
            Pattern.compile("((?:<|>)?=?)" + NpmRange.WS + "*(" + SemVer.FULL_PLAIN + ")|");

    /** The comparator that admits every version. */
    public static final NpmComparator ANY = new NpmComparator("", null);

    static NpmComparator parse(String comp) {
        String c = String.join(" ", SemVer.jsTrim(comp).split(NpmRange.WS + "+", -1));
        Matcher m = COMPARATOR.matcher(c);
        if (!m.matches()) {
            throw new IllegalArgumentException("npm range: invalid comparator \"" + c + "\"");
        }
        String op = m.group(1) == null || "=".equals(m.group(1)) ? "" : m.group(1);
        if (m.group(2) == null || m.group(2).isEmpty()) {
            return ANY;
        }
        return new NpmComparator(op, SemVer.parse(m.group(2)));
    }

    /** Whether {@code v} satisfies this comparator alone (pre-release rules are the range's business). */
    public boolean test(SemVer v) {
        if (version == null) {
            return true;
        }
        int c = v.compareTo(version);
        switch (operator) {
            case "<":
                return c < 0;
            case "<=":
                return c <= 0;
            case ">":
                return c > 0;
            case ">=":
                return c >= 0;
            default:
                return c == 0;
        }
    }

    boolean isNullSet() {
        return "<0.0.0-0".equals(toString());
    }

    /** node-semver's {@code value}: operator and version, or "" for any. */
    @Override
    public String toString() {
        return version == null ? "" : operator + version;
    }
}
