package io.clair.core.ecosystem.ubuntu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clair.core.index.Distribution;
import io.clair.core.index.PackageKind;
import io.clair.core.testing.TestData;
import io.clair.core.vuln.ArchOp;
import io.clair.core.vuln.Severity;
import io.clair.core.vuln.Vulnerability;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class OvalParserTest {
    static final Path OVAL = TestData.path("ubuntu/fetcher_ubuntu_test.xml");
    static final Distribution XENIAL = UbuntuDistributions.release("16.04", "xenial");

    /** What a record should hold, read from the file independently with DOM and XPath. */
    record Expected(String title, String description, String severity, String pkg, String fixed) {
    }

    @Test
    void recordsMatchTheDocumentReadIndependently() throws Exception {
        List<Vulnerability> got = parse(Files.readAllBytes(OVAL));
        List<Expected> actual = got.stream().map(v -> new Expected(v.name(), v.description(), v.severity(),
                v.pkg().name(), v.fixedInVersion())).toList();
        assertThat(actual).containsExactlyInAnyOrderElementsOf(expectedFromXPath(OVAL));

        Set<String> links = linksFromXPath(OVAL);
        for (Vulnerability v : got) {
            assertThat(v.updater()).isEqualTo("ubuntu/updater/xenial");
            assertThat(v.distribution()).isEqualTo(XENIAL);
            assertThat(v.pkg().kind()).isEqualTo(PackageKind.BINARY);
            assertThat(v.normalizedSeverity()).isEqualTo(UbuntuPriority.normalize(v.severity()));
            assertThat(List.of(v.links().split(" "))).containsExactlyElementsOf(links);
            assertThat(v.archOp()).isEqualTo(ArchOp.NONE);
        }
    }

    @Test
    void knownFactsOfTheExcerpt() throws IOException {
        List<Vulnerability> got = parse(Files.readAllBytes(OVAL));
        assertThat(got).hasSize(2);
        Vulnerability unfixed = got.stream().filter(v -> v.pkg().name().equals("cabextract")).findFirst().orElseThrow();
        Vulnerability fixed = got.stream().filter(v -> v.pkg().name().equals("libmspack0")).findFirst().orElseThrow();
        assertThat(unfixed.fixedInVersion()).isEmpty();
        assertThat(fixed.fixedInVersion()).isEqualTo("0.4-3");
        assertThat(fixed.name()).isEqualTo("CVE-2015-4471 on Ubuntu 16.04 LTS (xenial) - medium.");
        assertThat(fixed.severity()).isEqualTo("Medium");
        assertThat(fixed.normalizedSeverity()).isEqualTo(Severity.Medium);
        assertThat(fixed.issued()).isEqualTo(Instant.parse("2015-06-11T00:00:00Z"));
        assertThat(fixed.links()).contains("https://cve.mitre.org/cgi-bin/cvename.cgi?name=CVE-2015-4471",
                "http://bugs.debian.org/cgi-bin/bugreport.cgi?bug=775499");
        assertThat(fixed.distribution().prettyName()).isEqualTo("Ubuntu 16.04");
    }

    @Test
    void bzip2CompressedFeedsParseTheSame() throws IOException {
        byte[] plain = Files.readAllBytes(OVAL);
        assertThat(parse(bzip2(plain))).containsExactlyElementsOf(parse(plain));
    }

    @Test
    void objectsNamingAVariableExpandToEveryValue() throws IOException {
        // Newer Ubuntu OVAL lists all binaries of a source package in a constant_variable; derive such a document.
        String xml = Files.readString(OVAL)
                .replace("<linux-def:name>libmspack0</linux-def:name>",
                        "<linux-def:name var_ref=\"oval:com.ubuntu.xenial:var:201544710000010\"/>")
                .replace("</states>", "</states>\n<variables><constant_variable"
                        + " id=\"oval:com.ubuntu.xenial:var:201544710000010\" version=\"1\" datatype=\"string\""
                        + " comment=\"libmspack binaries\"><value>libmspack0</value><value>libmspack-dev</value>"
                        + "</constant_variable></variables>");
        List<Vulnerability> got = parse(xml.getBytes(StandardCharsets.UTF_8));
        assertThat(got).extracting(v -> v.pkg().name() + "=" + v.fixedInVersion())
                .containsExactlyInAnyOrder("cabextract=", "libmspack0=0.4-3", "libmspack-dev=0.4-3");
    }

    @Test
    void stateArchitecturesCarryOver() throws IOException {
        String xml = Files.readString(OVAL).replace("<linux-def:evr datatype=\"debian_evr_string\"",
                "<linux-def:arch operation=\"pattern match\">amd64|i386</linux-def:arch>\n"
                        + "<linux-def:evr datatype=\"debian_evr_string\"");
        Vulnerability v = parse(xml.getBytes(StandardCharsets.UTF_8)).stream()
                .filter(x -> x.pkg().name().equals("libmspack0")).findFirst().orElseThrow();
        assertThat(v.pkg().arch()).isEqualTo("amd64|i386");
        assertThat(v.archOp()).isEqualTo(ArchOp.PATTERN_MATCH);
    }

    @Test
    void truncatedXmlIsAnError() throws IOException {
        byte[] real = Files.readAllBytes(OVAL);
        byte[] cut = Arrays.copyOf(real, real.length / 2);
        assertThatThrownBy(() -> parse(cut)).isInstanceOf(IOException.class)
                .hasMessageStartingWith("ubuntu: malformed OVAL XML at line ");
    }

    @Test
    void truncatedBzip2IsAnError() throws IOException {
        byte[] bz = bzip2(Files.readAllBytes(OVAL));
        byte[] cut = Arrays.copyOf(bz, bz.length / 2);
        assertThatThrownBy(() -> parse(cut)).isInstanceOf(IOException.class)
                .hasMessageStartingWith("ubuntu: compressed document unreadable: ");
    }

    @Test
    void otherXmlIsAnError() throws IOException {
        byte[] repomd = Files.readAllBytes(TestData.path("aws/test_repomd.xml"));
        assertThatThrownBy(() -> parse(repomd)).isInstanceOf(IOException.class)
                .hasMessage("ubuntu: not an OVAL definitions document (root element <repomd>)");
        assertThatThrownBy(() -> parse(new byte[0])).isInstanceOf(IOException.class)
                .hasMessageStartingWith("ubuntu: ");
    }

    @Test
    void priorities() {
        assertThat(UbuntuPriority.normalize("Untriaged")).isEqualTo(Severity.Unknown);
        assertThat(UbuntuPriority.normalize("Negligible")).isEqualTo(Severity.Negligible);
        assertThat(UbuntuPriority.normalize("low")).isEqualTo(Severity.Low);
        assertThat(UbuntuPriority.normalize("High")).isEqualTo(Severity.High);
        assertThat(UbuntuPriority.normalize("Critical")).isEqualTo(Severity.Critical);
    }

    static List<Vulnerability> parse(byte[] doc) throws IOException {
        return new OvalParser("ubuntu/updater/xenial", XENIAL).parse(new ByteArrayInputStream(doc));
    }

    static byte[] bzip2(byte[] plain) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (BZip2CompressorOutputStream bz = new BZip2CompressorOutputStream(out)) {
            bz.write(plain);
        }
        return out.toByteArray();
    }

    private static Document dom(Path file) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        try (InputStream in = Files.newInputStream(file)) {
            return f.newDocumentBuilder().parse(in);
        }
    }

    private static List<Expected> expectedFromXPath(Path file) throws Exception {
        Document d = dom(file);
        XPath xp = XPathFactory.newInstance().newXPath();
        List<Expected> out = new ArrayList<>();
        NodeList defs = (NodeList) xp.evaluate("//*[local-name()='definition']", d, XPathConstants.NODESET);
        for (int i = 0; i < defs.getLength(); i++) {
            Element def = (Element) defs.item(i);
            String title = xp.evaluate(".//*[local-name()='title']", def).trim();
            String desc = xp.evaluate(".//*[local-name()='metadata']/*[local-name()='description']", def).trim();
            String sev = xp.evaluate(".//*[local-name()='severity']", def).trim();
            NodeList refs = (NodeList) xp.evaluate(".//*[local-name()='criterion']/@test_ref", def,
                    XPathConstants.NODESET);
            for (int j = 0; j < refs.getLength(); j++) {
                String ref = refs.item(j).getNodeValue();
                String test = "//*[local-name()='dpkginfo_test'][@id='" + ref + "']";
                if (!(Boolean) xp.evaluate(test, d, XPathConstants.BOOLEAN)) {
                    continue;
                }
                String obj = xp.evaluate(test + "/*[local-name()='object']/@object_ref", d);
                String ste = xp.evaluate(test + "/*[local-name()='state']/@state_ref", d);
                String name = xp.evaluate("//*[local-name()='dpkginfo_object'][@id='" + obj
                        + "']/*[local-name()='name']", d).trim();
                String evr = ste.isEmpty() ? "" : xp.evaluate("//*[local-name()='dpkginfo_state'][@id='" + ste
                        + "']/*[local-name()='evr']", d).trim();
                out.add(new Expected(title, desc, sev, name, evr));
            }
        }
        return out;
    }

    private static Set<String> linksFromXPath(Path file) throws Exception {
        Document d = dom(file);
        XPath xp = XPathFactory.newInstance().newXPath();
        Set<String> out = new LinkedHashSet<>();
        NodeList urls = (NodeList) xp.evaluate("//*[local-name()='definition'][@class='vulnerability']//"
                + "*[local-name()='reference']/@ref_url | //*[local-name()='advisory']/*[local-name()='ref' or "
                + "local-name()='bug']", d, XPathConstants.NODESET);
        for (int i = 0; i < urls.getLength(); i++) {
            out.add(urls.item(i).getTextContent().trim());
        }
        return out;
    }
}
