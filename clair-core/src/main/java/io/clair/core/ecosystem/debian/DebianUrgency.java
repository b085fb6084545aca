package io.clair.core.ecosystem.debian;

import io.clair.core.vuln.Severity;
import java.util.Locale;

/**
 * Debian tracker urgency to Clair severity, as claircore maps it (clair-reference section 4.8). The scale is shifted
 * on purpose: Debian rates the impact on Debian, so its "unimportant" is still a Low and its "high" a Critical.
 */
final class DebianUrgency {
    private DebianUrgency() {
    }

    /**
     * {@code unimportant}→Low, {@code low}→Medium, {@code medium}→High, {@code high}→Critical, anything else
     * ({@code not yet assigned}, {@code end-of-life}, empty) → Unknown. Trailing asterisks, which the tracker adds when
     * the urgency was taken from NVD rather than set by the security team ({@code "high**"}), are ignored; claircore
     * compares the raw string and so rates those Unknown.
     */
    static Severity normalize(String urgency) {
        if (urgency == null) {
            return Severity.Unknown;
        }
        String u = urgency.trim().toLowerCase(Locale.ROOT);
        int end = u.length();
        while (end > 0 && u.charAt(end - 1) == '*') {
            end--;
        }
        return switch (u.substring(0, end).trim()) {
            case "unimportant" -> Severity.Low;
            case "low" -> Severity.Medium;
            case "medium" -> Severity.High;
            case "high" -> Severity.Critical;
            default -> Severity.Unknown;
        };
    }
}
