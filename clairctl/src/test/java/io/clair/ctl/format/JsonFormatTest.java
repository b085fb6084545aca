package io.clair.ctl.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.clair.ctl.report.ExitPolicy;
import io.clair.ctl.report.ImageReport;
import io.clair.ctl.report.ReportView;
import io.clair.ctl.report.SampleReports;
import io.clair.ctl.report.Suppressions;
import io.clair.core.vuln.Severity;
import org.junit.jupiter.api.Test;

/** JSON is the matcher's bytes, whatever the filters say. */
class JsonFormatTest {

    @Test
    void printsTheMatchersJsonUnchangedOneDocumentPerLine() throws Exception {
        String body = "{\"manifest_hash\":\"" + SampleReports.DIGEST + "\",\"packages\":{},\"vulnerabilities\":{},"
                + "\"unknown_future_field\":[1,2]}";
        ImageReport image = new ImageReport("a", SampleReports.report(), body, null);
        ReportView filtered = ReportView.of(image, Severity.Critical, Suppressions.none(), ExitPolicy.NEVER);
        assertThat(Formats.write(new JsonFormat(), filtered, filtered)).isEqualTo(body + "\n" + body + "\n");
    }
}
