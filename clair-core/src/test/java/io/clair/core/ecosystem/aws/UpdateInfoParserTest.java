package io.clair.core.ecosystem.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clair.core.index.Distribution;
import io.clair.core.index.Package;
import io.clair.core.index.PackageKind;
import io.clair.core.oval.OvalInput;
import io.clair.core.testing.TestData;
import io.clair.core.vuln.ArchOp;
import io.clair.core.vuln.Severity;
import io.clair.core.vuln.Vulnerability;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The ALAS updateinfo parser on Amazon's real updateinfo excerpts (plain and gzip), checked with XPath. */
class UpdateInfoParserTest {

    static List<Vulnerability> parse(String file, AmazonRelease r) throws IOException {
        try (InputStream in = Files.newInputStream(TestData.path(file))) {
            return new UpdateInfoParser(r.updaterName(), r.distribution()).parse(in);
        }
    }

    /** One record per (update, package) as the DOM reads it. */
    static List<Vulnerability> expected(String file, AmazonRelease r) throws Exception {
        Document doc;
        try (InputStream in = OvalInput.decompressed(Files.newInputStream(TestData.path(file)), "test")) {
            doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
        }
        XPath xp = XPathFactory.newInstance().newXPath();
        Distribution dist = r.distribution();
        Set<Vulnerability> out = new LinkedHashSet<>();
        NodeList updates = (NodeList) xp.evaluate("/updates/update", doc, XPathConstants.NODESET);
        for (int i = 0; i < updates.getLength(); i++) {
            Element u = (Element) updates.item(i);
            String id = xp.evaluate("id", u).trim();
            String severity = xp.evaluate("severity", u).trim();
            String issued = xp.evaluate("issued/@date", u);
            Instant when = LocalDateTime.parse(issued.replace(' ', 'T').substring(0, 16)).toInstant(ZoneOffset.UTC);
            List<String> links = new ArrayList<>(new LinkedHashSet<>(texts(xp, u, "references/reference/@href")));
            NodeList pkgs = (NodeList) xp.evaluate("pkglist/collection/package", u, XPathConstants.NODESET);
            for (int p = 0; p < pkgs.getLength(); p++) {
                Element e = (Element) pkgs.item(p);
                String epoch = e.getAttribute("epoch");
                String vr = e.getAttribute("version") + "-" + e.getAttribute("release");
                out.add(new Vulnerability("", r.updaterName(), id, xp.evaluate("description", u).trim(), when,
                        String.join(" ", links), severity, severity(severity),
                        Package.builder(e.getAttribute("name"), "").kind(PackageKind.BINARY)
                                .arch(e.getAttribute("arch")).build(), dist, null,
                        epoch.isEmpty() || epoch.equals("0") ? vr : epoch + ":" + vr, null, ArchOp.EQUALS, false));
            }
        }
        return new ArrayList<>(out);
    }

    @ParameterizedTest
    @CsvSource({"aws/amazon_linux_1_updateinfo.xml,AL1", "aws/amazon_linux_2_updateinfo.xml,AL2",
            "aws/updateinfo_1_item.xml.gz,AL2", "aws/updateinfo_2_items.xml.gz,AL2",
            "aws/updateinfo_AL2022.xml.gz,AL2023", "aws/updateinfo_AL2023.xml.gz,AL2023"})
    void everyPackageOfEveryAdvisoryIsARecord(String file, AmazonRelease r) throws Exception {
        List<Vulnerability> want = expected(file, r);
        assertThat(want).isNotEmpty();
        assertThat(parse(file, r)).containsExactlyInAnyOrderElementsOf(want);
    }

    @Test
    void alas2_2018_939IsACriticalKernelUpdate() throws IOException {
        List<Vulnerability> got = parse("aws/amazon_linux_2_updateinfo.xml", AmazonRelease.AL2);
        assertThat(got).filteredOn(v -> v.name().equals("ALAS2-2018-939")).isNotEmpty().allSatisfy(v -> {
            assertThat(v.severity()).isEqualTo("critical");
            assertThat(v.normalizedSeverity()).isEqualTo(Severity.Critical);
            assertThat(v.issued()).isEqualTo(Instant.parse("2018-01-11T21:05:00Z"));
            assertThat(v.distribution()).isEqualTo(AwsDistributions.LINUX_2);
            assertThat(v.description()).startsWith("Package updates are available for Amazon Linux 2");
            assertThat(v.archOp()).isEqualTo(ArchOp.EQUALS);
        });
        assertThat(got).filteredOn(v -> v.name().equals("ALAS2-2018-939")).extracting(v -> v.pkg().name())
                .contains("kernel");
        List<Vulnerability> al2023 = parse("aws/updateinfo_AL2023.xml.gz", AmazonRelease.AL2023);
        assertThat(al2023).filteredOn(v -> v.name().equals("ALAS2023-2023-001")).isNotEmpty()
                .allSatisfy(v -> {
                    assertThat(v.normalizedSeverity()).isEqualTo(Severity.High);
                    assertThat(v.distribution().versionId()).isEqualTo("2023");
                    assertThat(v.links()).contains("CVE-2022-24903");
                });
    }

    @Test
    void otherDocumentsAndBrokenOnesFail() {
        assertThatThrownBy(() -> parse("<repomd/>")).hasMessage("aws: not an updateinfo document (root element <repomd>)");
        assertThatThrownBy(() -> parse("<updates><update><id>ALAS-1</id>")).isInstanceOf(IOException.class)
                .hasMessageStartingWith("aws: malformed updateinfo XML");
    }

    private static List<Vulnerability> parse(String xml) throws IOException {
        return new UpdateInfoParser("aws-AL2-updater", AwsDistributions.LINUX_2)
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> texts(XPath xp, Element ctx, String expr) throws Exception {
        NodeList n = (NodeList) xp.evaluate(expr, ctx, XPathConstants.NODESET);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n.getLength(); i++) {
            out.add(n.item(i).getNodeValue().trim());
        }
        return out;
    }

    static Severity severity(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "low" -> Severity.Low;
            case "medium" -> Severity.Medium;
            case "important" -> Severity.High;
            case "critical" -> Severity.Critical;
            default -> Severity.Unknown;
        };
    }
}
