package io.clair.ctl.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.clair.ctl.report.ExitPolicy;
import io.clair.ctl.report.ReportView;
import io.clair.ctl.report.SampleReports;
import io.clair.ctl.report.Suppressions;
import io.clair.core.vuln.Severity;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** JUnit XML: well-formed, escaped, counts that add up, failures where the policy fails. */
class JunitXmlFormatTest {

    @Test
    void oneTestCasePerFindingFailingByPolicySkippedWhenSuppressed() throws Exception {
        Suppressions s = Suppressions.of(List.of(new Suppressions.Entry("CVE-2005-2541", null, "no untrusted tars",
                LocalDate.of(2030, 1, 1))), LocalDate.of(2025, 1, 1));
        ReportView v = ReportView.of(SampleReports.image(), Severity.Unknown, s, new ExitPolicy(Severity.High));
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(
                Formats.write(new JunitXmlFormat(), v).getBytes(StandardCharsets.UTF_8)));
        Element suites = doc.getDocumentElement();
        assertThat(suites.getTagName()).isEqualTo("testsuites");
        Element suite = (Element) suites.getElementsByTagName("testsuite").item(0);
        assertThat(suite.getAttribute("name")).isEqualTo(SampleReports.REFERENCE);
        // 5 shown findings + 1 suppressed + bash, the one clean package
        assertThat(suite.getAttribute("tests")).isEqualTo("7");
        assertThat(suite.getAttribute("failures")).isEqualTo("3");
        assertThat(suite.getAttribute("skipped")).isEqualTo("1");
        assertThat(suites.getAttribute("tests")).isEqualTo("7");
        NodeList cases = suite.getElementsByTagName("testcase");
        assertThat(cases.getLength()).isEqualTo(7);
        List<String> failing = new ArrayList<>();
        for (int i = 0; i < cases.getLength(); i++) {
            Element c = (Element) cases.item(i);
            if (c.getElementsByTagName("failure").getLength() > 0) {
                failing.add(c.getAttribute("classname") + ": " + c.getAttribute("name"));
            }
        }
        assertThat(failing).containsExactly("libssl3 3.0.11-1~deb12u1: CVE-2024-0001 (Critical)",
                "openssl 3.0.11-1~deb12u1: CVE-2024-0001 (Critical)", "zlib1g 1:1.2.13.dfsg-1: CVE-2023-45853 (High)");
        Element failure = (Element) suite.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("message")).isEqualTo("CVE-2024-0001 (Critical) affects libssl3"
                + " 3.0.11-1~deb12u1; fixed in 3.0.13-1");
        assertThat(failure.getTextContent()).startsWith("CVE-2024-0001 affects openssl <script>&\"");
        assertThat(((Element) suite.getElementsByTagName("skipped").item(0)).getAttribute("message"))
                .isEqualTo("suppressed until 2030-01-01: no untrusted tars");
        assertThat(((Element) cases.item(6)).getAttribute("classname")).isEqualTo("bash 5.2.15-2+b2");
    }
}
