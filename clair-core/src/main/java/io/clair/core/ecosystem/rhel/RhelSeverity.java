package io.clair.core.ecosystem.rhel;

import io.clair.core.vuln.Severity;
import java.util.Locale;

/** Red Hat's impact ratings on Clair's scale, as claircore normalizes them (None is Unknown). */
final class RhelSeverity {
    private RhelSeverity() {
    }

    static Severity normalize(String impact) {
        return switch (impact == null ? "" : impact.trim().toLowerCase(Locale.ROOT)) {
            case "low" -> Severity.Low;
            case "moderate" -> Severity.Medium;
            case "important" -> Severity.High;
            case "critical" -> Severity.Critical;
            default -> Severity.Unknown;
        };
    }
}
