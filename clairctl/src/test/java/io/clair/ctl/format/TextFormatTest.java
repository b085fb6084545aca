package io.clair.ctl.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.clair.ctl.report.ExitPolicy;
import io.clair.ctl.report.ReportView;
import io.clair.ctl.report.SampleReports;
import io.clair.ctl.report.Suppressions;
import io.clair.core.vuln.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The text table: grouping, order, alignment, counts, summary, colour only when asked. */
class TextFormatTest {

    @Test
    void findingsAreGroupedByPackageWorstFirstInAlignedColumns() throws Exception {
        String out = Formats.write(new TextFormat(false), SampleReports.view(Severity.Unknown, Severity.Unknown));
        assertThat(out).isEqualTo("""
                Image:    registry.example.com/shop/web:1.4 (sha256:1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f)
                OS:       Debian GNU/Linux 12 (bookworm)
                Packages: 6

                PACKAGE   VERSION           VULNERABILITY        SEVERITY    FIXED IN  LINK
                libssl3   3.0.11-1~deb12u1  CVE-2024-0001        Critical    3.0.13-1  https://security-tracker.debian.org/tracker/CVE-2024-0001
                openssl   3.0.11-1~deb12u1  CVE-2024-0001        Critical    3.0.13-1  https://security-tracker.debian.org/tracker/CVE-2024-0001
                                            CVE-2023-0002        Low                   https://security-tracker.debian.org/tracker/CVE-2023-0002
                zlib1g    1:1.2.13.dfsg-1   CVE-2023-45853       High                  https://security-tracker.debian.org/tracker/CVE-2023-45853
                requests  2.25.0            GHSA-j8r2-6x86-q33q  Medium      2.31.0    https://github.com/advisories/GHSA-j8r2-6x86-q33q
                tar       1.34+dfsg-1.2     CVE-2005-2541        Negligible            https://security-tracker.debian.org/tracker/CVE-2005-2541

                Critical: 2  High: 1  Medium: 1  Low: 1  Negligible: 1  Unknown: 0
                6 findings (5 vulnerabilities) in 5 of 6 packages. 6 at or above the fail-on severity Unknown: exit status 1.
                """);
    }

    @Test
    void filteredAndSuppressedFindingsAreCountedInTheSummary() throws Exception {
        Suppressions s = Suppressions.of(List.of(new io.clair.ctl.report.Suppressions.Entry("CVE-2023-45853", null,
                "minizip unused", java.time.LocalDate.of(2030, 1, 1))), java.time.LocalDate.of(2025, 1, 1));
        ReportView v = ReportView.of(SampleReports.image(), Severity.High, s, new ExitPolicy(Severity.Critical));
        String out = Formats.write(new TextFormat(false), v);
        assertThat(out).contains("Critical: 2  High: 0\n").doesNotContain("Medium:").doesNotContain("zlib1g");
        assertThat(out).endsWith("2 findings (1 vulnerability) in 2 of 6 packages (1 hidden by suppressions, 3 below"
                + " High not shown). 2 at or above the fail-on severity Critical: exit status 1.\n");
    }

    @Test
    void aCleanReportSaysSoAndCarriesTheNoDataNote() throws Exception {
        var empty = new io.clair.api.v4.VulnerabilityReportDto(SampleReports.DIGEST,
                SampleReports.report().packages(), SampleReports.report().distributions(), null,
                SampleReports.report().environments(), null, null, null);
        ReportView v = ReportView.of(SampleReports.image("oci:/images/web", empty, "no data here"),
                Severity.Unknown, Suppressions.none(), ExitPolicy.NEVER);
        String out = Formats.write(new TextFormat(false), v);
        assertThat(out).contains("Note:     no data here\n").doesNotContain("PACKAGE")
                .endsWith("No vulnerabilities found in 6 packages.\n");
    }

    @Test
    void severitiesAreColouredOnlyOnATerminal() throws Exception {
        ReportView v = SampleReports.view(Severity.Unknown, null);
        assertThat(Formats.write(new TextFormat(false), v)).doesNotContain("\u001b");
        String coloured = Formats.write(new TextFormat(true), v);
        assertThat(coloured).contains("\u001b[1;31mCritical  \u001b[0m", "\u001b[31mHigh      \u001b[0m");
        assertThat(coloured).doesNotContain("exit status 1");
    }

    @Test
    void severalImagesAreSeparatedByABlankLine() throws Exception {
        String out = Formats.write(new TextFormat(false), SampleReports.view(Severity.Critical, null),
                SampleReports.view(Severity.Critical, null));
        assertThat(out.split("\n\nImage: ", -1)).hasSize(2);
    }
}
