package io.clair.ctl.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clair.core.vuln.Severity;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a report shows (minimum severity, suppressions) and when it fails the run (the exit policy). */
class ReportViewTest {

    @Test
    void findingsAreFlattenedWorstFirstWithTheirPackageDatabase() {
        List<Finding> all = Finding.of(SampleReports.report());
        assertThat(all).extracting(f -> f.pkg().name() + " " + f.vulnerability().name() + " " + f.severity())
                .containsExactly("libssl3 CVE-2024-0001 Critical", "openssl CVE-2024-0001 Critical",
                        "zlib1g CVE-2023-45853 High", "requests GHSA-j8r2-6x86-q33q Medium",
                        "openssl CVE-2023-0002 Low", "tar CVE-2005-2541 Negligible");
        assertThat(all.get(0).packageDb()).isEqualTo(SampleReports.DPKG);
        assertThat(all.get(0).distribution().did()).isEqualTo("debian");
        assertThat(all.get(3).distribution()).isNull();
        assertThat(all.get(3).fixedIn()).isEqualTo("2.31.0");
        assertThat(all.get(0).firstLink()).isEqualTo("https://security-tracker.debian.org/tracker/CVE-2024-0001");
    }

    @Test
    void theMinimumSeverityHidesLowerFindingsAndCountsThem() {
        ReportView v = SampleReports.view(Severity.High, Severity.High);
        assertThat(v.shown()).extracting(f -> f.pkg().name()).containsExactly("libssl3", "openssl", "zlib1g");
        assertThat(v.belowMinimum()).isEqualTo(3);
        assertThat(v.vulnerablePackages()).isEqualTo(3);
        assertThat(v.failing()).isEqualTo(3);
    }

    @Test
    void suppressionsHideOnlyWhatWouldBeShown() {
        Suppressions s = Suppressions.of(List.of(
                new Suppressions.Entry("cve-2024-0001", "openssl", "vendored copy unused", LocalDate.of(2030, 1, 1)),
                new Suppressions.Entry("CVE-2023-0002", null, "low and local", LocalDate.of(2030, 1, 1))),
                LocalDate.of(2025, 6, 15));
        ReportView v = ReportView.of(SampleReports.image(), Severity.Medium, s, new ExitPolicy(Severity.Medium));
        // libssl3 shares the source package openssl, so the package-scoped entry hides it too
        assertThat(v.suppressed()).extracting(x -> x.finding().pkg().name()).containsExactly("libssl3", "openssl");
        // the Low one is below the minimum: counted there, not as suppressed
        assertThat(v.belowMinimum()).isEqualTo(2);
        assertThat(v.shown()).extracting(f -> f.pkg().name()).containsExactly("zlib1g", "requests");
    }

    @ParameterizedTest(name = "fail-on {0}: exit {1}")
    @CsvSource({"Unknown,1", "Negligible,1", "High,1", "Critical,1", "none,0", "NEVER,0"})
    void theExitStatusFollowsTheThreshold(String failOn, int exit) {
        ExitPolicy p = ExitPolicy.parse(failOn);
        ReportView v = ReportView.of(SampleReports.image(), Severity.Unknown, Suppressions.none(), p);
        assertThat(ExitPolicy.exitCode(List.of(v))).isEqualTo(exit);
    }

    @Test
    void aCleanOrFullySuppressedReportExitsZero() {
        ReportView above = ReportView.of(SampleReports.image(), Severity.Critical, Suppressions.none(),
                new ExitPolicy(Severity.Critical));
        assertThat(ExitPolicy.exitCode(List.of(above))).isEqualTo(1);
        Suppressions all = Suppressions.of(List.of(new Suppressions.Entry("CVE-2024-0001", null, "r",
                LocalDate.of(2030, 1, 1))), LocalDate.of(2025, 1, 1));
        ReportView hidden = ReportView.of(SampleReports.image(), Severity.Critical, all,
                new ExitPolicy(Severity.Critical));
        assertThat(hidden.shown()).isEmpty();
        assertThat(ExitPolicy.exitCode(List.of(hidden))).isEqualTo(0);
        assertThat(ExitPolicy.exitCode(List.of(hidden, above))).isEqualTo(1);
    }

    @Test
    void thresholdsAreInclusiveAndParsedStrictly() {
        ExitPolicy high = ExitPolicy.parse("high");
        assertThat(high.fails(Severity.High)).isTrue();
        assertThat(high.fails(Severity.Critical)).isTrue();
        assertThat(high.fails(Severity.Medium)).isFalse();
        assertThat(ExitPolicy.NEVER.fails(Severity.Critical)).isFalse();
        assertThat(SeverityNames.parse("nEgLiGiBlE")).isEqualTo(Severity.Negligible);
        assertThatThrownBy(() -> ExitPolicy.parse("defcon1")).hasMessageContaining("is not a severity");
    }
}
