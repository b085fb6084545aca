package io.clair.core.ecosystem.ubuntu;

import io.clair.core.vuln.Severity;
import java.util.Locale;

/** Ubuntu CVE priority to Clair severity (clair-reference section 4.8): same names, and untriaged is Unknown. */
final class UbuntuPriority {
    private UbuntuPriority() {
    }

    static Severity normalize(String priority) {
        if (priority == null) {
            return Severity.Unknown;
        }
        return switch (priority.trim().toLowerCase(Locale.ROOT)) {
            case "negligible" -> Severity.Negligible;
            case "low" -> Severity.Low;
            case "medium" -> Severity.Medium;
            case "high" -> Severity.High;
            case "critical" -> Severity.Critical;
            default -> Severity.Unknown;
        };
    }
}
