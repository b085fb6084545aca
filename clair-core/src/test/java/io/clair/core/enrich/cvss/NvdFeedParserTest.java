package io.clair.core.enrich.cvss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clair.core.testing.TestData;
import io.clair.core.vuln.Enrichment;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The real NVD 2.0 excerpt (claircore's {@code enricher/cvss/testdata/feed.json}) and variants derived from it. */
class NvdFeedParserTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String feed() throws IOException {
        return Files.readString(TestData.path("enrichment/feed.json"));
    }

    private static List<Enrichment> parse(String json, NvdFeedParser.Stats[] stats) throws IOException {
        List<Enrichment> out = new ArrayList<>();
        NvdFeedParser.Stats s = new NvdFeedParser("feed.json").parse(
                new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), out::add);
        if (stats != null) {
            stats[0] = s;
        }
        return out;
    }

    @Test
    void recordsAreThePrimaryV3CvssDataFieldByField() throws IOException {
        NvdFeedParser.Stats[] stats = new NvdFeedParser.Stats[1];
        List<Enrichment> records = parse(feed(), stats);

        // Read independently from the file: CVE-2016-2781 has a v3.1 metric from a secondary source (CISA-ADP)
        // and a primary (NVD) v3.0 one; CVE-2016-3674 a primary v3.1; CVE-2016-3197 is rejected, without metrics.
        JsonNode tree = JSON.readTree(feed()).get("vulnerabilities");
        assertThat(tree.get(0).at("/cve/id").asText()).isEqualTo("CVE-2016-2781");
        assertThat(tree.get(0).at("/cve/metrics/cvssMetricV31/0/type").asText()).isEqualTo("Secondary");
        assertThat(tree.get(0).at("/cve/metrics/cvssMetricV30/0/type").asText()).isEqualTo("Primary");
        assertThat(tree.get(1).at("/cve/id").asText()).isEqualTo("CVE-2016-3197");
        assertThat(tree.get(1).at("/cve/vulnStatus").asText()).isEqualTo("Rejected");
        assertThat(tree.get(1).at("/cve/metrics").isEmpty()).isTrue();
        assertThat(tree.get(2).at("/cve/metrics/cvssMetricV31/0/type").asText()).isEqualTo("Primary");

        assertThat(records).extracting(Enrichment::tags)
                .containsExactly(List.of("CVE-2016-2781"), List.of("CVE-2016-3674"));
        assertSameFields(records.get(0).data(), tree.get(0).at("/cve/metrics/cvssMetricV30/0/cvssData"));
        assertSameFields(records.get(1).data(), tree.get(2).at("/cve/metrics/cvssMetricV31/0/cvssData"));
        assertThat(records.get(0).data()).containsEntry("version", "3.0").containsEntry("baseScore", 6.5)
                .containsEntry("vectorString", "CVSS:3.0/AV:L/AC:L/PR:L/UI:N/S:C/C:N/I:H/A:N")
                .containsEntry("baseSeverity", "MEDIUM");
        assertThat(records.get(1).data()).containsEntry("version", "3.1").containsEntry("baseScore", 7.5)
                .containsEntry("vectorString", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N");
        assertThat(stats[0]).isEqualTo(new NvdFeedParser.Stats(3, 2, 1, 0, 0));
    }

    private static void assertSameFields(Map<String, Object> data, JsonNode expected) {
        assertThat(data).hasSize(expected.size());
        for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            Object want = f.getValue().isNumber() ? (Object) f.getValue().asDouble() : f.getValue().asText();
            assertThat(data.get(f.getKey())).as(f.getKey()).isEqualTo(want);
        }
    }

    @Test
    void rejectedCvesAreSkipped() throws IOException {
        NvdFeedParser.Stats[] stats = new NvdFeedParser.Stats[1];
        String derived = feed().replace("\"vulnStatus\": \"Deferred\"", "\"vulnStatus\": \"Rejected\"");
        assertThat(derived).isNotEqualTo(feed());
        assertThat(parse(derived, stats)).extracting(e -> e.tags().get(0)).doesNotContain("CVE-2016-2781");
        assertThat(stats[0].rejected()).isEqualTo(2);
    }

    @Test
    void onlySecondaryScoresMeanNoRecord() throws IOException {
        NvdFeedParser.Stats[] stats = new NvdFeedParser.Stats[1];
        JsonNode tree = JSON.readTree(feed());
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree.at("/vulnerabilities/0/cve/metrics/cvssMetricV30/0"))
                .put("type", "Secondary");
        assertThat(parse(JSON.writeValueAsString(tree), stats)).extracting(e -> e.tags().get(0))
                .containsExactly("CVE-2016-3674");
        assertThat(stats[0].noScore()).isEqualTo(1);
    }

    @Test
    void aMalformedVectorSkipsTheRecord() throws IOException {
        NvdFeedParser.Stats[] stats = new NvdFeedParser.Stats[1];
        String derived = feed().replace("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N",
                "CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N");
        assertThat(parse(derived, stats)).extracting(e -> e.tags().get(0)).containsExactly("CVE-2016-2781");
        assertThat(stats[0].invalid()).isEqualTo(1);
    }

    @Test
    void malformedFeedsFailWithAClearMessage() throws IOException {
        String feed = feed();
        assertMalformed(feed.substring(0, feed.length() / 2), "malformed NVD feed at line");
        assertMalformed("<html>Service Unavailable</html>", "malformed NVD feed at line 1");
        assertMalformed("[]", "the feed is not a JSON object");
        assertMalformed("{\"format\":\"NVD_CVE\",\"vulnerabilities\":{}}", "\"vulnerabilities\" is not an array");
        assertMalformed("{\"format\":\"NVD_CVE\"}", "the feed has no \"vulnerabilities\" array");
        assertMalformed("{\"vulnerabilities\":[1]}", "a \"vulnerabilities\" item is not an object");
        assertMalformed(feed.replace("\"id\" : \"CVE-2016-3197\"", "\"ident\" : \"CVE-2016-3197\""),
                "item 2 has no cve.id");
        assertMalformed(feed + "{}", "unexpected content after the feed object");
        assertMalformed(feed.replaceFirst("\"cvssMetricV31\" : \\[", "\"cvssMetricV31\" : [ 7,"),
                "a CVSS metric list holds something other than objects");
    }

    private static void assertMalformed(String json, String message) {
        assertThatThrownBy(() -> parse(json, null)).as(message).isInstanceOf(IOException.class)
                .hasMessageStartingWith("cvss: feed.json: ").hasMessageContaining(message);
    }

    @Test
    void theFeedIsStreamedNotReadWhole() throws IOException {
        // A derived feed of 200 copies of the real items: the first record must reach the sink long before the
        // input is consumed, which a parser that builds the whole document first cannot do.
        JsonNode tree = JSON.readTree(feed());
        var items = (com.fasterxml.jackson.databind.node.ArrayNode) tree.get("vulnerabilities");
        List<JsonNode> original = new ArrayList<>();
        items.forEach(original::add);
        for (int i = 0; i < 199; i++) {
            original.forEach(n -> items.add(n.deepCopy()));
        }
        byte[] big = JSON.writeValueAsBytes(tree);
        long[] read = {0};
        long[] atFirst = {-1};
        InputStream counting = new FilterInputStream(new ByteArrayInputStream(big)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                read[0] += Math.max(n, 0);
                return n;
            }
        };
        NvdFeedParser.Stats s = new NvdFeedParser("big").parse(counting, e -> {
            if (atFirst[0] < 0) {
                atFirst[0] = read[0];
            }
        });
        assertThat(s.records()).isEqualTo(400);
        assertThat(atFirst[0]).isPositive().isLessThan(big.length / 50);
    }
}
