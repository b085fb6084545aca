package io.clair.core.ecosystem.aws;

import io.clair.core.vuln.Severity;
import java.util.Locale;

/** ALAS severities on Clair's scale, as claircore normalizes them. */
final class AlasSeverity {
    private AlasSeverity() {
    }

    static Severity normalize(String s) {
        return switch (s == null ? "" : s.trim().toLowerCase(Locale.ROOT)) {
            case "low" -> Severity.Low;
            case "medium" -> Severity.Medium;
            case "important" -> Severity.High;
            case "critical" -> Severity.Critical;
            default -> Severity.Unknown;
        };
    }
}
