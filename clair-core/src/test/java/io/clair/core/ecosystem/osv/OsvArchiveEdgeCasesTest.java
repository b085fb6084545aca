package io.clair.core.ecosystem.osv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clair.core.testing.TestData;
import io.clair.core.vuln.Vulnerability;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Variants derived from the real archives: name spellings, versions-only entries, broken archives. */
class OsvArchiveEdgeCasesTest {
    private static final Path PYPI = TestData.path("osv/PyPI-all.zip");
    private static final Path MAVEN = TestData.path("osv/maven.zip");

    private static JsonNode real(Path zip, String entry) throws IOException {
        JsonNode n = OsvTestArchives.records(zip).get(entry);
        assertThat(n).as(entry).isNotNull();
        return n.deepCopy();
    }

    private static List<Vulnerability> parse(byte[] zip, String ecosystem) throws IOException {
        return new OsvArchiveParser("osv/test", ecosystem, OsvArchiveParserTest.NOW).parse(new ByteArrayInputStream(zip));
    }

    @Test
    void pypiNamesAreNormalizedPerPep503() throws IOException {
        ObjectNode django = (ObjectNode) real(PYPI, "PYSEC-2011-4.json");
        ((ObjectNode) django.get("affected").get(0).get("package")).put("name", "Django_Rest..Framework");
        List<Vulnerability> got = parse(OsvTestArchives.zipOf(List.of(django)), "PyPI");
        assertThat(got).extracting(v -> v.pkg().name()).containsOnly("django-rest-framework").hasSize(2);
    }

    @Test
    void otherEcosystemsInARecordAreLeftToTheirOwnUpdater() throws IOException {
        ObjectNode django = (ObjectNode) real(PYPI, "PYSEC-2011-4.json");
        ((ObjectNode) django.get("affected").get(0).get("package")).put("ecosystem", "npm");
        assertThat(parse(OsvTestArchives.zipOf(List.of(django)), "PyPI")).isEmpty();
    }

    @Test
    void anExplicitVersionListWithoutRangesGivesOneRecordPerVersion() throws IOException {
        ObjectNode log4j = (ObjectNode) real(MAVEN, "GHSA-2qrg-x229-3v8q.json");
        ObjectNode affected = (ObjectNode) log4j.get("affected").get(0);
        affected.remove("ranges");
        ArrayNode versions = (ArrayNode) affected.get("versions");
        assertThat(versions).isNotEmpty();
        List<Vulnerability> got = parse(OsvTestArchives.zipOf(List.of(log4j)), "Maven");
        assertThat(got).hasSize(versions.size());
        for (JsonNode v : versions) {
            assertThat(got).extracting(Vulnerability::fixedInVersion)
                    .contains("introduced=" + OsvRanges.queryEscape(v.asText()) + "&lastAffected="
                            + OsvRanges.queryEscape(v.asText()));
        }
    }

    @Test
    void aTruncatedArchiveIsAnError() throws IOException {
        byte[] real = Files.readAllBytes(PYPI);
        byte[] mid = Arrays.copyOf(real, real.length / 2);
        assertThatThrownBy(() -> parse(mid, "PyPI")).isInstanceOf(IOException.class).hasMessageStartingWith("osv: ");
    }

    @Test
    void anArchiveCutBetweenTwoEntriesIsAnError() throws IOException {
        // The streaming zip reader alone would take this for a shorter archive.
        List<Long> offsets = OsvTestArchives.entryOffsets(PYPI);
        byte[] cut = Arrays.copyOf(Files.readAllBytes(PYPI), offsets.get(offsets.size() / 2).intValue());
        assertThatThrownBy(() -> parse(cut, "PyPI")).isInstanceOf(IOException.class)
                .hasMessageStartingWith("osv: archive is truncated");
    }

    @Test
    void somethingThatIsNotAZipIsAnError() throws IOException {
        byte[] json = Files.readAllBytes(TestData.path("debian/tracker/debian.json"));
        assertThatThrownBy(() -> parse(json, "PyPI")).isInstanceOf(IOException.class)
                .hasMessage("osv: archive holds no entries (not a zip archive?)");
    }

    @Test
    void aMalformedRecordIsAnErrorNamingIt() throws IOException {
        byte[] record = OsvTestArchives.JSON.writeValueAsBytes(real(PYPI, "PYSEC-2011-4.json"));
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("PYSEC-2011-4.json", Arrays.copyOf(record, record.length / 2));
        assertThatThrownBy(() -> parse(OsvTestArchives.zip(entries), "PyPI")).isInstanceOf(IOException.class)
                .hasMessageStartingWith("osv: malformed record PYSEC-2011-4.json: ");
        entries.put("PYSEC-2011-4.json", "{\"summary\": \"no id\"}".getBytes());
        assertThatThrownBy(() -> parse(OsvTestArchives.zip(entries), "PyPI")).isInstanceOf(IOException.class)
                .hasMessage("osv: record PYSEC-2011-4.json has no id");
    }
}
