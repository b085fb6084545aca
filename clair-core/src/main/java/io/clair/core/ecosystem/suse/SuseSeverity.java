package io.clair.core.ecosystem.suse;

import io.clair.core.vuln.Severity;
import java.util.Locale;

/** SUSE's advisory severities on Clair's scale, as claircore normalizes them (None is Unknown). */
final class SuseSeverity {
    private SuseSeverity() {
    }

    static Severity normalize(String s) {
        return switch (s == null ? "" : s.trim().toLowerCase(Locale.ROOT)) {
            case "low" -> Severity.Low;
            case "moderate" -> Severity.Medium;
            case "important" -> Severity.High;
            case "critical" -> Severity.Critical;
            default -> Severity.Unknown;
        };
    }
}
