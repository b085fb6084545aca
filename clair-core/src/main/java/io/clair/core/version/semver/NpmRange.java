package io.clair.core.version.semver;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An npm version range ({@code ^1.2}, {@code ~1.2.3}, {@code 1.x}, {@code 1.0.0 - 2.0.0}, {@code >=1 <2 || 3}),
 * desugared and tested as node-semver 7 does in non-loose mode: the same rewriting steps, in the same order, into sets
 * of {@link NpmComparator}s joined by {@code ||}.
 *
 * <p>A pre-release version satisfies a comparator set only when some comparator in the set names a pre-release of the
 * same {@code major.minor.patch}, unless {@code includePrerelease} is set.
 */
public final class NpmRange {

    /** ECMAScript white space, which JavaScript's {@code \s} matches. */
    static final String WS = "[\\t\\n\\x0B\\f\\r \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff]";

    private static final String XID = SemVer.NUMERIC + "|x|X|\\*";
    private static final String XRANGE_PLAIN = "[v=" + WS.substring(1, WS.length() - 1) + "]*(" + XID + ")"
            + "(?:\\.(" + XID + ")(?:\\.(" + XID + ")(?:" + SemVer.PRERELEASE + ")?" + SemVer.BUILD + "?)?)?";
    private static final String LOOSE_PLAIN = "[v=" + WS.substring(1, WS.length() - 1) + "]*(\\d+)\\.(\\d+)\\.(\\d+)"
            + "(?:-?((?:" + SemVer.NON_NUMERIC + "|\\d+)(?:\\.(?:" + SemVer.NON_NUMERIC + "|\\d+))*))?" + SemVer.BUILD + "?";
    private static final String GTLT = "((?:<|>)?=?)";

    private static final Pattern BUILD = Pattern.compile(SemVer.BUILD);
    private static final Pattern HYPHEN = Pattern.compile(
            WS + "*(" + XRANGE_PLAIN + ")" + WS + "+-" + WS + "+(" + XRANGE_PLAIN + ")" + WS + "*");
    private static final Pattern COMPARATOR_TRIM =
            Pattern.compile("(" + WS + "*)" + GTLT + WS + "*(" + LOOSE_PLAIN + "|" + XRANGE_PLAIN + ")");
    private static final Pattern TILDE_TRIM = Pattern.compile("(" + WS + "*)(?:~>?)" + WS + "+");
    private static final Pattern CARET_TRIM = Pattern.compile("(" + WS + "*)(?:\\^)" + WS + "+");
    private static final Pattern TILDE = Pattern.compile("(?:~>?)" + XRANGE_PLAIN);
    private static final Pattern CARET = Pattern.compile("(?:\\^)" + XRANGE_PLAIN);
    private static final Pattern XRANGE = Pattern.compile(GTLT + WS + "*" + XRANGE_PLAIN);
    private static final Pattern STAR = Pattern.compile("(<|>)?=?" + WS + "*\\*");
    private static final Pattern GTE0 = Pattern.compile(WS + "*>=" + WS + "*0\\.0\\.0" + WS + "*");
    private static final Pattern GTE0PRE = Pattern.compile(WS + "*>=" + WS + "*0\\.0\\.0-0" + WS + "*");

    private final String raw;
    private final boolean includePrerelease;
    private final List<List<NpmComparator>> set;

    private NpmRange(String raw, boolean includePrerelease, List<List<NpmComparator>> set) {
        this.raw = raw;
        this.includePrerelease = includePrerelease;
        this.set = set;
    }

    /** Parses a range with pre-releases excluded unless named (npm's default). */
    public static NpmRange parse(String range) {
        return parse(range, false);
    }

    /**
     * Parses a range.
     *
     * @throws IllegalArgumentException where node-semver's {@code new Range(r)} throws
     */
    public static NpmRange parse(String range, boolean includePrerelease) {
        String raw = SemVer.jsTrim(range).replaceAll(WS + "+", " ");
        List<List<NpmComparator>> set = new ArrayList<>();
        for (String part : raw.split("\\|\\|", -1)) {
            List<NpmComparator> comps = parseSet(SemVer.jsTrim(part), includePrerelease);
            if (!comps.isEmpty()) {
                set.add(comps);
            }
        }
        if (set.isEmpty()) {
            throw new IllegalArgumentException("npm range: invalid range \"" + raw + "\"");
        }
        if (set.size() > 1) {
            List<NpmComparator> first = set.get(0);
            set.removeIf(c -> c.get(0).isNullSet());
            if (set.isEmpty()) {
                set.add(first);
            } else if (set.size() > 1) {
                for (List<NpmComparator> c : set) {
                    if (c.size() == 1 && c.get(0).version() == null) {
                        set = new ArrayList<>(List.of(c));
                        break;
                    }
                }
            }
        }
        return new NpmRange(raw, includePrerelease, List.copyOf(set));
    }

    private static List<NpmComparator> parseSet(String range, boolean incPr) {
        range = BUILD.matcher(range).replaceAll("");
        Matcher h = HYPHEN.matcher(range);
        if (h.matches()) {
            range = hyphen(h, incPr);
        }
        range = COMPARATOR_TRIM.matcher(range).replaceAll("$1$2$3");
        range = TILDE_TRIM.matcher(range).replaceAll("$1~");
        range = CARET_TRIM.matcher(range).replaceAll("$1^");
        List<String> parts = new ArrayList<>();
        for (String comp : range.split(" ", -1)) {
            parts.add(desugar(comp, incPr));
        }
        Map<String, NpmComparator> byValue = new LinkedHashMap<>();
        for (String comp : String.join(" ", parts).split(WS + "+", -1)) {
            String c = SemVer.jsTrim(comp);
            c = (incPr ? GTE0PRE : GTE0).matcher(c).matches() ? "" : c;
            NpmComparator parsed = NpmComparator.parse(c);
            if (parsed.isNullSet()) {
                return List.of(parsed);
            }
            byValue.put(parsed.toString(), parsed);
        }
        if (byValue.size() > 1) {
            byValue.remove("");
        }
        return List.copyOf(byValue.values());
    }

    /** node-semver's {@code parseComparator}: build stripped, then carets, tildes, x-ranges and stars. */
    private static String desugar(String comp, boolean incPr) {
        comp = BUILD.matcher(comp).replaceFirst("");
        comp = eachWord(comp, c -> caret(c, incPr));
        comp = eachWord(comp, c -> tilde(c, incPr));
        comp = eachWord(comp, c -> xrange(c, incPr));
        return STAR.matcher(SemVer.jsTrim(comp)).replaceFirst("");
    }

    private static String eachWord(String comp, Function<String, String> f) {
        List<String> out = new ArrayList<>();
        for (String w : SemVer.jsTrim(comp).split(WS + "+", -1)) {
            out.add(f.apply(w));
        }
        return String.join(" ", out);
    }

    private static boolean isX(String id) {
        return id == null || id.isEmpty() || "x".equalsIgnoreCase(id) || "*".equals(id);
    }

    private static long num(String s) {
        return Long.parseLong(s);
    }

    private static String caret(String comp, boolean incPr) {
        Matcher m = CARET.matcher(comp);
        if (!m.matches()) {
            return comp;
        }
        String M = m.group(1);
        String mi = m.group(2);
        String p = m.group(3);
        String pr = m.group(4);
        String z = incPr ? "-0" : "";
        if (isX(M)) {
            return "";
        }
        if (isX(mi)) {
            return ">=" + M + ".0.0" + z + " <" + (num(M) + 1) + ".0.0-0";
        }
        if (isX(p)) {
            return "0".equals(M)
                    ? ">=" + M + "." + mi + ".0" + z + " <" + M + "." + (num(mi) + 1) + ".0-0"
                    : ">=" + M + "." + mi + ".0" + z + " <" + (num(M) + 1) + ".0.0-0";
        }
        // node-semver adds no "-0" to a full version here, even with includePrerelease
        String from = ">=" + M + "." + mi + "." + p + (pr != null ? "-" + pr : "");
        if ("0".equals(M)) {
            return "0".equals(mi)
                    ? from + " <" + M + "." + mi + "." + (num(p) + 1) + "-0"
                    : from + " <" + M + "." + (num(mi) + 1) + ".0-0";
        }
        return from + " <" + (num(M) + 1) + ".0.0-0";
    }

    private static String tilde(String comp, boolean incPr) {
        Matcher m = TILDE.matcher(comp);
        if (!m.matches()) {
            return comp;
        }
        String M = m.group(1);
        String mi = m.group(2);
        String p = m.group(3);
        String pr = m.group(4);
        String z = incPr ? "-0" : "";
        if (isX(M)) {
            return "";
        }
        if (isX(mi)) {
            return ">=" + M + ".0.0" + z + " <" + (num(M) + 1) + ".0.0-0";
        }
        if (isX(p)) {
            return ">=" + M + "." + mi + ".0" + z + " <" + M + "." + (num(mi) + 1) + ".0-0";
        }
        String from = ">=" + M + "." + mi + "." + p + (pr != null ? "-" + pr : "");
        return from + " <" + M + "." + (num(mi) + 1) + ".0-0";
    }

    private static String xrange(String comp, boolean incPr) {
        comp = SemVer.jsTrim(comp);
        Matcher m = XRANGE.matcher(comp);
        if (!m.matches()) {
            return comp;
        }
        String gtlt = m.group(1);
        String M = m.group(2);
        String mi = m.group(3);
        String p = m.group(4);
        if ((isX(M) && !isX(mi)) || (isX(mi) && p != null && !isX(p))) {
            return comp;
        }
        boolean xM = isX(M);
        boolean xm = xM || isX(mi);
        boolean xp = xm || isX(p);
        if ("=".equals(gtlt) && xp) {
            gtlt = "";
        }
        String pr = incPr ? "-0" : "";
        if (xM) {
            return ">".equals(gtlt) || "<".equals(gtlt) ? "<0.0.0-0" : "*";
        }
        if (!gtlt.isEmpty() && xp) {
            long maj = num(M);
            long min = xm ? 0 : num(mi);
            long pat = 0;
            if (">".equals(gtlt)) {
                gtlt = ">=";
                if (xm) {
                    maj++;
                    min = 0;
                } else {
                    min++;
                }
                pat = 0;
            } else if ("<=".equals(gtlt)) {
                gtlt = "<";
                if (xm) {
                    maj++;
                } else {
                    min++;
                }
            }
            if ("<".equals(gtlt)) {
                pr = "-0";
            }
            return gtlt + maj + "." + min + "." + pat + pr;
        }
        if (xm) {
            return ">=" + M + ".0.0" + pr + " <" + (num(M) + 1) + ".0.0-0";
        }
        if (xp) {
            return ">=" + M + "." + mi + ".0" + pr + " <" + M + "." + (num(mi) + 1) + ".0-0";
        }
        // a full version: node-semver's replace callback returns its undefined ret, i.e. the text unchanged
        return comp;
    }

    private static String hyphen(Matcher h, boolean incPr) {
        // groups: 1 from, 2-4 fM fm fp, 5 fpr, 6 fb, 7 to, 8-10 tM tm tp, 11 tpr
        String from = h.group(1);
        String fM = h.group(2);
        String fm = h.group(3);
        String fp = h.group(4);
        String fpr = h.group(5);
        String to = h.group(7);
        String tM = h.group(8);
        String tm = h.group(9);
        String tp = h.group(10);
        String tpr = h.group(11);
        String z = incPr ? "-0" : "";
        if (isX(fM)) {
            from = "";
        } else if (isX(fm)) {
            from = ">=" + fM + ".0.0" + z;
        } else if (isX(fp)) {
            from = ">=" + fM + "." + fm + ".0" + z;
        } else if (fpr != null) {
            from = ">=" + from;
        } else {
            from = ">=" + from + z;
        }
        if (isX(tM)) {
            to = "";
        } else if (isX(tm)) {
            to = "<" + (num(tM) + 1) + ".0.0-0";
        } else if (isX(tp)) {
            to = "<" + tM + "." + (num(tm) + 1) + ".0-0";
        } else if (tpr != null) {
            to = "<=" + tM + "." + tm + "." + tp + "-" + tpr;
        } else if (incPr) {
            to = "<" + tM + "." + tm + "." + (num(tp) + 1) + "-0";
        } else {
            to = "<=" + to;
        }
        return SemVer.jsTrim(from + " " + to);
    }

    /** Whether {@code version} satisfies the range; a string that is not a strict version never does. */
    public boolean test(String version) {
        SemVer v;
        try {
            v = SemVer.parse(version);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return test(v);
    }

    /** Whether {@code v} satisfies any of the comparator sets. */
    public boolean test(SemVer v) {
        for (List<NpmComparator> comps : set) {
            if (testSet(comps, v)) {
                return true;
            }
        }
        return false;
    }

    private boolean testSet(List<NpmComparator> comps, SemVer v) {
        for (NpmComparator c : comps) {
            if (!c.test(v)) {
                return false;
            }
        }
        if (v.isPrerelease() && !includePrerelease) {
            for (NpmComparator c : comps) {
                SemVer allowed = c.version();
                if (allowed != null && allowed.isPrerelease() && allowed.compareMain(v) == 0) {
                    return true;
                }
            }
            return false;
        }
        return true;
    }

    /** The comparator sets, outer list joined by {@code ||}. */
    public List<List<NpmComparator>> comparatorSets() {
        return set;
    }

    /** node-semver's {@code range} string: the desugared comparators. */
    public String desugared() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < set.size(); i++) {
            if (i > 0) {
                b.append("||");
            }
            List<String> parts = new ArrayList<>();
            for (NpmComparator c : set.get(i)) {
                parts.add(c.toString());
            }
            b.append(SemVer.jsTrim(String.join(" ", parts)));
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return raw;
    }
}
