package io.clair.core.version;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Seeded mutations of real versions, for differential tests: bump or drop numeric parts, add separators, suffixes,
 * letters, epochs and revisions drawn from the ecosystem's own vocabulary. The same seed gives the same pairs.
 */
public final class VersionMutator {
    private static final Pattern NUMBER = Pattern.compile("\\d+");

    private final Random random;
    private final List<String> suffixes;
    private final List<String> prefixes;

    /**
     * @param seed     the seed (print it)
     * @param suffixes texts appended at the end or inserted at a boundary (e.g. {@code ~rc1}, {@code -r2})
     * @param prefixes texts put in front (e.g. {@code 1:}, {@code 2!}, {@code v})
     */
    public VersionMutator(long seed, List<String> suffixes, List<String> prefixes) {
        this.random = new Random(seed);
        this.suffixes = suffixes;
        this.prefixes = prefixes;
    }

    /** One random mutation, possibly applied twice. */
    public String mutate(String v) {
        String out = once(v);
        if (random.nextInt(4) == 0) {
            out = once(out);
        }
        return out;
    }

    private String once(String v) {
        switch (random.nextInt(9)) {
            case 0:
            case 1:
                return bump(v);
            case 2:
                return dropNumber(v);
            case 3:
            case 4:
                return v + pick(suffixes);
            case 5:
                return insertAtBoundary(v, pick(suffixes));
            case 6:
                return prefixes.isEmpty() ? bump(v) : pick(prefixes) + v;
            case 7:
                return zero(v);
            default:
                return insertAtBoundary(v, String.valueOf((char) ('a' + random.nextInt(26))));
        }
    }

    /** A numeric run changed by a small amount (up or down). */
    private String bump(String v) {
        List<int[]> runs = runs(v);
        if (runs.isEmpty()) {
            return v + "1";
        }
        int[] r = runs.get(random.nextInt(runs.size()));
        String digits = v.substring(r[0], r[1]);
        long n = digits.length() > 15 ? 0 : Long.parseLong(digits);
        long next = Math.max(0, n + (random.nextBoolean() ? 1 : -1) * (1 + random.nextInt(random.nextBoolean() ? 2 : 12)));
        return v.substring(0, r[0]) + next + v.substring(r[1]);
    }

    /** A numeric run and the separator before it removed. */
    private String dropNumber(String v) {
        List<int[]> runs = runs(v);
        if (runs.size() < 2) {
            return bump(v);
        }
        int[] r = runs.get(1 + random.nextInt(runs.size() - 1));
        return v.substring(0, r[0] - 1) + v.substring(r[1]);
    }

    /** A numeric run set to 0, or given a leading zero. */
    private String zero(String v) {
        List<int[]> runs = runs(v);
        if (runs.isEmpty()) {
            return "0" + v;
        }
        int[] r = runs.get(random.nextInt(runs.size()));
        String repl = random.nextBoolean() ? "0" : "0" + v.substring(r[0], r[1]);
        return v.substring(0, r[0]) + repl + v.substring(r[1]);
    }

    private String insertAtBoundary(String v, String s) {
        List<int[]> runs = runs(v);
        if (runs.isEmpty()) {
            return v + s;
        }
        int at = runs.get(random.nextInt(runs.size()))[1];
        return v.substring(0, at) + s + v.substring(at);
    }

    private static List<int[]> runs(String v) {
        List<int[]> out = new ArrayList<>();
        Matcher m = NUMBER.matcher(v);
        while (m.find()) {
            out.add(new int[] {m.start(), m.end()});
        }
        return out;
    }

    private String pick(List<String> l) {
        return l.get(random.nextInt(l.size()));
    }

    /**
     * {@code count} distinct pairs: a real version against its mutation, two mutations of one version, and two real
     * versions, in about equal parts.
     */
    public List<String[]> pairs(List<String> real, int count) {
        LinkedHashSet<String> seen = new LinkedHashSet<>();
        List<String[]> out = new ArrayList<>();
        int guard = 0;
        while (out.size() < count && guard++ < count * 20) {
            String a = real.get(random.nextInt(real.size()));
            String b;
            switch (random.nextInt(3)) {
                case 0:
                    b = mutate(a);
                    break;
                case 1:
                    String base = a;
                    a = mutate(base);
                    b = mutate(base);
                    break;
                default:
                    b = real.get(random.nextInt(real.size()));
                    if (random.nextBoolean()) {
                        b = mutate(b);
                    }
            }
            if (a.contains("\t") || b.contains("\t") || a.contains("\n") || b.contains("\n")) {
                continue;
            }
            if (seen.add(a + "\t" + b)) {
                out.add(new String[] {a, b});
            }
        }
        return out;
    }
}
