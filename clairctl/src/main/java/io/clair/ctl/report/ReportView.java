package io.clair.ctl.report;

import io.clair.core.vuln.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * What the formats print for one image: the findings at or above the minimum severity that no suppression hides,
 * in {@link Finding#ORDER}, with what was left out and why.
 *
 * @param shown        findings to print
 * @param suppressed   findings at or above the minimum that a suppression hides
 * @param belowMinimum how many findings were below {@code minimum}
 * @param policy       decides which shown findings fail the run
 */
public record ReportView(ImageReport image, List<Finding> shown, List<Suppressed> suppressed, int belowMinimum,
                         Severity minimum, ExitPolicy policy) {

    /** A finding and the suppression that hides it. */
    public record Suppressed(Finding finding, Suppressions.Entry entry) {
    }

    public ReportView {
        shown = List.copyOf(shown);
        suppressed = List.copyOf(suppressed);
    }

    public static ReportView of(ImageReport image, Severity minimum, Suppressions suppressions, ExitPolicy policy) {
        List<Finding> shown = new ArrayList<>();
        List<Suppressed> hidden = new ArrayList<>();
        int below = 0;
        for (Finding f : Finding.of(image.report())) {
            if (f.severity().compareTo(minimum) < 0) {
                below++;
                continue;
            }
            var s = suppressions.match(f);
            if (s.isPresent()) {
                hidden.add(new Suppressed(f, s.get()));
            } else {
                shown.add(f);
            }
        }
        return new ReportView(image, shown, hidden, below, minimum, policy);
    }

    /** Whether {@code f} fails the run under the policy. */
    public boolean fails(Finding f) {
        return policy.fails(f.severity());
    }

    /** How many shown findings fail the run. */
    public long failing() {
        return shown.stream().filter(this::fails).count();
    }

    /** How many distinct packages have shown findings. */
    public long vulnerablePackages() {
        return shown.stream().map(Finding::packageId).distinct().count();
    }
}
