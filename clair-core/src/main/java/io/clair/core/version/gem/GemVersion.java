package io.clair.core.version.gem;

import io.clair.core.version.InvalidVersionException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A RubyGems version, parsed and ordered as {@code Gem::Version}: the text is split into runs of digits and runs of
 * letters ({@code -} reads as {@code .pre.}); trailing zeros before the first letter run and before the end are
 * dropped; then segments compare pairwise, missing ones counting as 0, numbers numerically, strings bytewise, and a
 * string segment (a pre-release) sorts before a number.
 *
 * @param text the version as given, trimmed ("" reads as "0")
 */
public record GemVersion(String text) implements Comparable<GemVersion> {

    static final String SCHEME = "gem";

    private static final Pattern PATTERN =
            Pattern.compile("[0-9]+(?:\\.[0-9a-zA-Z]+)*(-[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?");
    private static final Pattern SEGMENT = Pattern.compile("[0-9]+|[a-zA-Z]+");

    /**
     * Parses a version.
     *
     * @throws InvalidVersionException where RubyGems raises "Malformed version number string"
     */
    public static GemVersion parse(String s) {
        if (s == null) {
            throw new InvalidVersionException(SCHEME, "null", "no version");
        }
        String t = rubyStrip(s);
        if (t.isEmpty()) {
            return new GemVersion("0");
        }
        if (!PATTERN.matcher(t).matches()) {
            throw new InvalidVersionException(SCHEME, s, "malformed version number string");
        }
        return new GemVersion(t);
    }

    private static String rubyStrip(String s) {
        int b = 0;
        int e = s.length();
        while (b < e && " \t\n\u000b\f\r\0".indexOf(s.charAt(b)) >= 0) {
            b++;
        }
        while (e > b && " \t\n\u000b\f\r\0".indexOf(s.charAt(e - 1)) >= 0) {
            e--;
        }
        return s.substring(b, e);
    }

    /** The segments: {@link Long} for digit runs (or {@link java.math.BigInteger} when huge), {@link String} for letters. */
    public List<Object> segments() {
        List<Object> out = new ArrayList<>();
        Matcher m = SEGMENT.matcher(text.replace("-", ".pre."));
        while (m.find()) {
            String g = m.group();
            out.add(Character.isDigit(g.charAt(0)) ? new java.math.BigInteger(g) : g);
        }
        return out;
    }

    /** A letter anywhere makes a pre-release; so does a hyphen, which reads as {@code .pre.}. */
    public boolean isPrerelease() {
        return text.chars().anyMatch(c -> Character.isLetter(c) || c == '-');
    }

    /** Trailing zeros dropped from the numeric part and from the whole, as {@code canonical_segments}. */
    List<Object> canonicalSegments() {
        List<Object> segs = segments();
        int firstString = 0;
        while (firstString < segs.size() && !(segs.get(firstString) instanceof String)) {
            firstString++;
        }
        List<Object> numeric = dropTrailingZeros(segs.subList(0, firstString));
        List<Object> rest = dropTrailingZeros(segs.subList(firstString, segs.size()));
        List<Object> out = new ArrayList<>(numeric);
        out.addAll(rest);
        return out;
    }

    private static List<Object> dropTrailingZeros(List<Object> l) {
        int n = l.size();
        while (n > 0 && java.math.BigInteger.ZERO.equals(l.get(n - 1))) {
            n--;
        }
        return new ArrayList<>(l.subList(0, n));
    }

    @Override
    public int compareTo(GemVersion o) {
        if (text.equals(o.text)) {
            return 0;
        }
        List<Object> l = canonicalSegments();
        List<Object> r = o.canonicalSegments();
        int limit = Math.max(l.size(), r.size());
        for (int i = 0; i < limit; i++) {
            Object a = i < l.size() ? l.get(i) : java.math.BigInteger.ZERO;
            Object b = i < r.size() ? r.get(i) : java.math.BigInteger.ZERO;
            if (a.equals(b)) {
                continue;
            }
            if (a instanceof String && b instanceof java.math.BigInteger) {
                return -1;
            }
            if (a instanceof java.math.BigInteger && b instanceof String) {
                return 1;
            }
            if (a instanceof String sa) {
                return Integer.signum(sa.compareTo((String) b));
            }
            return ((java.math.BigInteger) a).compareTo((java.math.BigInteger) b);
        }
        return 0;
    }

    @Override
    public String toString() {
        return text;
    }
}
