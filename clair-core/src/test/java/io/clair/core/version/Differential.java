package io.clair.core.version;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

/**
 * Compares our answers with an oracle's, pair by pair, and reports every disagreement with the pair and both answers.
 */
public final class Differential {
    private final String scheme;
    private final long seed;
    private final List<String> disagreements = new ArrayList<>();
    private int compared;
    private int bothInvalid;

    public Differential(String scheme, long seed) {
        this.scheme = scheme;
        this.seed = seed;
        System.out.println(scheme + " differential: seed " + seed);
    }

    /** Records one pair: {@code ours} and {@code theirs} are answers in the same vocabulary ("<", "=", ">", "invalid"). */
    public void check(String a, String b, String ours, String theirs) {
        compared++;
        if ("invalid".equals(ours) && "invalid".equals(theirs)) {
            bothInvalid++;
        }
        if (!ours.equals(theirs)) {
            disagreements.add(a + " <=> " + b + ": ours " + ours + ", oracle " + theirs);
        }
    }

    /** Asserts at least {@code minimum} pairs were compared and none disagreed; prints the summary. */
    public void assertAgreement(int minimum) {
        System.out.printf("%s differential: seed %d, %d pairs compared (%d invalid on both sides), %d disagreements%n",
                scheme, seed, compared, bothInvalid, disagreements.size());
        disagreements.stream().limit(50).forEach(d -> System.out.println("  " + scheme + " disagreement: " + d));
        assertThat(compared).as("%s pairs compared", scheme).isGreaterThanOrEqualTo(minimum);
        assertThat(disagreements).as("%s disagreements with the oracle (seed %d)", scheme, seed).isEmpty();
    }

    /** "<", "=", ">" for a comparison result. */
    public static String op(int c) {
        return VectorFile.op(c);
    }
}
