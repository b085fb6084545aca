package io.clair.core.ecosystem.osv;

import com.fasterxml.jackson.databind.JsonNode;
import io.clair.core.vuln.Severity;
import java.util.Locale;
import us.springett.cvss.Cvss;
import us.springett.cvss.CvssV2;

/**
 * The severity of an OSV record (clair-reference section 4.8): computed from its CVSS vector, v3 preferred over v2,
 * each on NVD's scale for its version; failing that, the advisory database's own rating
 * ({@code database_specific.severity}, as GitHub writes it: LOW, MODERATE, HIGH, CRITICAL). CVSS v4 vectors are kept
 * as the vendor string but cannot be scored by the calculator in use, so they only count when nothing else does.
 */
final class OsvSeverity {

    /** The vendor string (a vector or a database rating) and the normalized level. */
    record Rating(String vendor, Severity normalized) {
        static final Rating NONE = new Rating("", Severity.Unknown);
    }

    private OsvSeverity() {
    }

    static Rating of(JsonNode record) {
        String v3 = null;
        String v2 = null;
        String other = null;
        for (JsonNode s : record.path("severity")) {
            String type = s.path("type").asText("");
            String score = s.path("score").asText("");
            if (score.isEmpty()) {
                continue;
            }
            switch (type) {
                case "CVSS_V3" -> v3 = v3 == null ? score : v3;
                case "CVSS_V2" -> v2 = v2 == null ? score : v2;
                default -> other = other == null ? score : other;
            }
        }
        Severity fromV3 = score(v3);
        if (fromV3 != null) {
            return new Rating(v3, fromV3);
        }
        Severity fromV2 = score(v2);
        if (fromV2 != null) {
            return new Rating(v2, fromV2);
        }
        String db = record.path("database_specific").path("severity").asText("");
        Severity fromDb = fromName(db);
        if (fromDb != Severity.Unknown) {
            return new Rating(db, fromDb);
        }
        String vector = v3 != null ? v3 : v2 != null ? v2 : other;
        return vector == null ? Rating.NONE : new Rating(vector, Severity.Unknown);
    }

    /** The NVD rating of a vector's base score, or null when the vector does not parse. */
    static Severity score(String vector) {
        if (vector == null) {
            return null;
        }
        Cvss cvss;
        try {
            cvss = Cvss.fromVector(vector);
        } catch (RuntimeException e) {
            return null;
        }
        if (cvss == null) {
            return null;
        }
        double base = cvss.calculateScore().getBaseScore();
        if (cvss instanceof CvssV2) {
            // NVD's v2 scale has no Critical and no None: Low 0.0-3.9, Medium 4.0-6.9, High 7.0-10.0.
            return base >= 7.0 ? Severity.High : base >= 4.0 ? Severity.Medium : Severity.Low;
        }
        return Severity.fromCvssScore(base);
    }

    static Severity fromName(String s) {
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "none", "negligible" -> Severity.Negligible;
            case "low" -> Severity.Low;
            case "moderate", "medium" -> Severity.Medium;
            case "high" -> Severity.High;
            case "critical" -> Severity.Critical;
            default -> Severity.Unknown;
        };
    }
}
