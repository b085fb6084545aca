package io.clair.core.oval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clair.core.oval.OvalDocument.Criteria;
import io.clair.core.oval.OvalDocument.Criterion;
import io.clair.core.oval.OvalDocument.Definition;
import io.clair.core.testing.TestData;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;

/** The streaming OVAL reader against every real OVAL file of the shared test data, checked with a DOM and XPath. */
class OvalReaderTest {

    static InputStream open(String relative) throws IOException {
        return OvalInput.decompressed(Files.newInputStream(TestData.path(relative)), "test");
    }

    @ParameterizedTest
    @ValueSource(strings = {"oracle/ELSA-2007-0057.xml", "oracle/fetcher_oracle_test.1.xml",
            "oracle/fetcher_oracle_test.2.xml", "oracle/all-positive-data.xml.bz2", "suse/fetcher_opensuse_test.1.xml",
            "suse/fetcher_sle_test.1.xml", "suse/suse_truncated.xml", "ubuntu/fetcher_ubuntu_test.xml"})
    void readsEveryDefinitionTestObjectAndStateTheFileHolds(String file) throws Exception {
        OvalDocument doc;
        try (InputStream in = open(file)) {
            doc = OvalReader.read(in, "test");
        }
        OvalXPath x;
        try (InputStream in = open(file)) {
            x = new OvalXPath(in);
        }
        List<OvalXPath.Def> want = x.definitions();
        assertThat(doc.definitions()).hasSize(x.count("definition")).hasSize(want.size()).isNotEmpty();
        assertThat(doc.tests()).hasSize(distinctIds(file, "_test"));
        assertThat(doc.objects()).hasSize(distinctIds(file, "_object"));
        assertThat(doc.states()).hasSize(distinctIds(file, "_state"));
        for (int i = 0; i < want.size(); i++) {
            Definition got = doc.definitions().get(i);
            OvalXPath.Def w = want.get(i);
            assertThat(got.id()).isEqualTo(w.id());
            assertThat(got.title()).as(w.id()).isEqualTo(w.title());
            assertThat(got.description()).as(w.id()).isEqualTo(w.description());
            assertThat(got.severity()).as(w.id()).isEqualTo(w.severity());
            assertThat(got.platforms()).as(w.id()).isEqualTo(w.platforms());
            assertThat(got.links()).as(w.id()).containsExactlyInAnyOrderElementsOf(w.links());
            if (!w.issued().isEmpty()) {
                assertThat(got.issued()).as(w.id()).isNotNull();
                assertThat(got.issued().toString()).startsWith(w.issued().substring(0, 10));
            }
            assertThat(testRefs(got.criteria())).as(w.id()).containsExactlyInAnyOrderElementsOf(criterionRefs(file, i));
        }
    }

    @Test
    void keepsTheCriteriaTreeOfADefinition() throws IOException {
        OvalDocument doc;
        try (InputStream in = open("oracle/ELSA-2007-0057.xml")) {
            doc = OvalReader.read(in, "oracle");
        }
        Criteria root = doc.definitions().get(0).criteria();
        // <criteria AND> Oracle Linux 5 is installed, <criteria OR> of one <criteria AND> per package
        assertThat(root.operator()).isEqualTo("AND");
        assertThat(root.criterions()).extracting(Criterion::comment).containsExactly("Oracle Linux 5 is installed");
        assertThat(root.criterias()).hasSize(1);
        Criteria or = root.criterias().get(0);
        assertThat(or.operator()).isEqualTo("OR");
        assertThat(or.criterias()).isNotEmpty().allSatisfy(c -> {
            assertThat(c.operator()).isEqualTo("AND");
            assertThat(c.criterions()).hasSize(2);
        });
        assertThat(or.criterias().get(0).criterions()).extracting(Criterion::comment)
                .containsExactly("bind-devel is earlier than 30:9.3.3-8.el5",
                        "bind-devel is signed with the Oracle Linux 5 key");
    }

    @Test
    void readsDpkgTestsTooSoThatEveryOvalSourceCanShareIt() throws IOException {
        OvalDocument doc;
        try (InputStream in = open("ubuntu/fetcher_ubuntu_test.xml")) {
            doc = OvalReader.read(in, "ubuntu");
        }
        Map<String, Long> kinds = doc.tests().values().stream()
                .collect(Collectors.groupingBy(OvalDocument.Test::kind, Collectors.counting()));
        assertThat(kinds).containsKey("dpkginfo_test");
        assertThat(doc.objects().values()).extracting(OvalDocument.PackageObject::kind).contains("dpkginfo_object")
                .allSatisfy(k -> assertThat(k).endsWith("_object"));
        assertThat(doc.objects().values()).filteredOn(o -> o.kind().equals("dpkginfo_object"))
                .allSatisfy(o -> assertThat(o.name() != null || o.varRef() != null).isTrue());
    }

    @Test
    void aTruncatedDocumentFailsNamingTheComponentAndLine() throws IOException {
        byte[] all = Files.readAllBytes(TestData.path("oracle/ELSA-2007-0057.xml"));
        byte[] half = Arrays.copyOf(all, all.length / 2);
        assertThatThrownBy(() -> OvalReader.read(new ByteArrayInputStream(half), "oracle"))
                .isInstanceOf(IOException.class).hasMessageStartingWith("oracle: malformed OVAL XML at line");
    }

    @Test
    void aTruncatedBzip2FeedFailsAsUnreadable() throws IOException {
        byte[] all = Files.readAllBytes(TestData.path("oracle/all-positive-data.xml.bz2"));
        byte[] part = Arrays.copyOf(all, all.length - 200);
        assertThatThrownBy(() -> OvalReader.read(OvalInput.decompressed(new ByteArrayInputStream(part), "oracle"),
                "oracle")).isInstanceOf(IOException.class).hasMessageStartingWith("oracle: ")
                .hasMessageContaining("unreadable");
    }

    @Test
    void otherDocumentsAreRejected() {
        assertThatThrownBy(() -> OvalReader.read(bytes("<updates><update/></updates>"), "suse"))
                .hasMessage("suse: not an OVAL definitions document (root element <updates>)");
        assertThatThrownBy(() -> OvalReader.read(bytes("<?xml version=\"1.0\"?>"), "suse"))
                .isInstanceOf(IOException.class).hasMessageStartingWith("suse: ");
        assertThatThrownBy(() -> OvalReader.read(bytes("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<oval_definitions>&e;</oval_definitions>"), "suse")).isInstanceOf(IOException.class)
                .hasMessageStartingWith("suse: ");
    }

    private static InputStream bytes(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> testRefs(Criteria c) {
        List<String> out = new ArrayList<>();
        if (c == null) {
            return out;
        }
        c.criterias().forEach(child -> out.addAll(testRefs(child)));
        c.criterions().forEach(cr -> out.add(cr.testRef()));
        return out;
    }

    private static Document dom(String file) throws Exception {
        var f = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        try (InputStream in = open(file)) {
            return f.newDocumentBuilder().parse(in);
        }
    }

    /**
     * Distinct ids of the elements whose name ends with {@code suffix}: real files repeat an element now and then
     * (same id, same content), and one SUSE file wraps its states in {@code <state>} instead of {@code <states>}.
     */
    private static int distinctIds(String file, String suffix) throws Exception {
        String expr = "//*[substring(local-name(), string-length(local-name()) - " + (suffix.length() - 1)
                + ") = '" + suffix + "']/@id";
        var nodes = (org.w3c.dom.NodeList) XPathFactory.newInstance().newXPath().evaluate(expr, dom(file),
                javax.xml.xpath.XPathConstants.NODESET);
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            ids.add(nodes.item(i).getNodeValue());
        }
        return ids.size();
    }

    private static List<String> criterionRefs(String file, int definition) throws Exception {
        var nodes = (org.w3c.dom.NodeList) XPathFactory.newInstance().newXPath().evaluate(
                "(//*[local-name()='definition'])[" + (definition + 1) + "]//*[local-name()='criterion']/@test_ref",
                dom(file), javax.xml.xpath.XPathConstants.NODESET);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add(nodes.item(i).getNodeValue());
        }
        return out;
    }
}
