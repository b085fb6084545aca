package io.clair.ctl.report;

import io.clair.core.vuln.Severity;
import java.util.List;

/**
 * When {@code report} exits 1: some shown finding (at or above {@code --minimum-severity}, not suppressed) is at
 * or above the threshold. The threshold is {@code --fail-on} (alias {@code --exit-code}), defaulting to the minimum
 * severity, so that "what I see is what fails" unless told otherwise; {@code --fail-on none} never fails on
 * findings. Errors exit 2 whatever the findings.
 *
 * @param threshold the lowest failing severity, or null when findings never fail the run
 */
public record ExitPolicy(Severity threshold) {
    public static final ExitPolicy NEVER = new ExitPolicy(null);

    public boolean fails(Severity s) {
        return threshold != null && s.compareTo(threshold) >= 0;
    }

    /** 1 when any view has a failing finding, else 0. */
    public static int exitCode(List<ReportView> views) {
        return views.stream().anyMatch(v -> v.failing() > 0) ? 1 : 0;
    }

    /** {@code none}/{@code never} or a severity name (case-insensitive); anything else is rejected. */
    public static ExitPolicy parse(String text) {
        String t = text.strip();
        if (t.equalsIgnoreCase("none") || t.equalsIgnoreCase("never")) {
            return NEVER;
        }
        return new ExitPolicy(SeverityNames.parse(t));
    }
}
