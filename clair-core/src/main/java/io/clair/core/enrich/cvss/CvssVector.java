package io.clair.core.enrich.cvss;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import us.springett.cvss.Cvss;
import us.springett.cvss.Score;

/**
 * A CVSS v2, v3.0 or v3.1 vector, checked strictly and scored with {@code us.springett:cvss-calculator}.
 *
 * <p>The calculator parses leniently (for v2 it accepts duplicate, misordered and trailing metrics and incomplete
 * temporal or environmental groups, and fails with a {@link StringIndexOutOfBoundsException} on {@code A:}), so the
 * syntax is checked here first, against the specifications as claircore reads them ({@link CvssGrammar}); only a
 * well-formed vector reaches the calculator. What the calculator cannot do, and this class therefore reports as
 * absent rather than guesses:
 * <ul>
 *   <li>CVSS v4.0: not supported at all; {@link #parse} rejects it;</li>
 *   <li>environmental scores for v2 and v3.0: the vector is valid, {@link #environmentalScore()} is empty.</li>
 * </ul>
 *
 * @param vector               the vector as given
 * @param version              its CVSS version
 * @param baseScore            the base score
 * @param temporalScore        the temporal score, when the vector has temporal metrics
 * @param environmentalScore   the environmental score, when the vector has environmental metrics and the
 *                             calculator can score them (v3.1 only)
 * @param environmentalMetrics whether the vector has environmental metrics
 */
public record CvssVector(String vector, Version version, double baseScore, OptionalDouble temporalScore,
        OptionalDouble environmentalScore, boolean environmentalMetrics) {

    /** The CVSS versions this class understands. */
    public enum Version {
        V2("2.0"), V3_0("3.0"), V3_1("3.1");

        private final String label;

        Version(String label) {
            this.label = label;
        }

        /** The version as NVD's {@code cvssData.version} writes it. */
        public String label() {
            return label;
        }
    }

    public CvssVector {
        Objects.requireNonNull(vector, "vector");
        Objects.requireNonNull(version, "version");
    }

    /**
     * Parses and scores {@code vector}.
     *
     * @throws IllegalArgumentException naming what is wrong, for a malformed or unsupported vector
     */
    public static CvssVector parse(String vector) {
        Objects.requireNonNull(vector, "vector");
        CvssGrammar.Parsed p = CvssGrammar.check(vector);
        boolean env = !p.metrics().keySet().stream().allMatch(CvssGrammar::isBaseOrTemporal);
        boolean temporal = p.metrics().keySet().stream().anyMatch(CvssGrammar::isTemporal);
        // v2 and v3.0 environmental metrics are beyond the calculator: score what it knows.
        boolean envScored = env && p.version() == Version.V3_1;
        Map<String, String> scored = new LinkedHashMap<>();
        p.metrics().forEach((k, v) -> {
            if (CvssGrammar.isBaseOrTemporal(k) || envScored) {
                scored.put(k, v);
            }
        });
        Score s = score(p.version(), scored, vector);
        return new CvssVector(vector, p.version(), round(s.getBaseScore()),
                temporal ? OptionalDouble.of(round(s.getTemporalScore())) : OptionalDouble.empty(),
                envScored ? OptionalDouble.of(round(s.getEnvironmentalScore())) : OptionalDouble.empty(), env);
    }

    /**
     * The most specific score the vector defines: environmental when it has environmental metrics, else temporal
     * when it has temporal metrics, else base; empty when that score is one the calculator cannot compute.
     */
    public OptionalDouble score() {
        if (environmentalMetrics) {
            return environmentalScore;
        }
        return temporalScore.isPresent() ? temporalScore : OptionalDouble.of(baseScore);
    }

    private static Score score(Version version, Map<String, String> metrics, String original) {
        StringBuilder b = new StringBuilder(version == Version.V2 ? "" : "CVSS:" + version.label());
        metrics.forEach((k, v) -> b.append(b.isEmpty() ? "" : "/").append(k).append(':').append(v));
        Cvss cvss;
        try {
            cvss = Cvss.fromVector(b.toString());
        } catch (RuntimeException e) {
            // Not expected after the grammar check; kept so a calculator quirk still names the vector.
            throw new IllegalArgumentException("cvss: the calculator rejects " + original + ": " + e.getMessage(), e);
        }
        if (cvss == null) {
            throw new IllegalArgumentException("cvss: the calculator does not recognise " + original);
        }
        return cvss.calculateScore();
    }

    /** Scores are defined to one decimal; the calculator's doubles are rounded to it. */
    private static double round(double d) {
        return Math.round(d * 10.0) / 10.0;
    }
}
