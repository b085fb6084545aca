package io.clair.core.ecosystem.oracle;

import io.clair.core.vuln.Severity;
import java.util.Locale;

/** Oracle's ELSA severities on Clair's scale, as claircore normalizes them (N/A is Unknown). */
final class OracleSeverity {
    private OracleSeverity() {
    }

    static Severity normalize(String s) {
        return switch (s == null ? "" : s.trim().toUpperCase(Locale.ROOT)) {
            case "LOW" -> Severity.Low;
            case "MODERATE" -> Severity.Medium;
            case "IMPORTANT" -> Severity.High;
            case "CRITICAL" -> Severity.Critical;
            default -> Severity.Unknown;
        };
    }
}
