package io.clair.matcher;

import static net.javacrumbs.jsonunit.assertj.JsonAssertions.assertThatJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clair.api.mapping.V4Mapper;
import io.clair.core.ecosystem.alpine.AlpineDistributions;
import io.clair.core.ecosystem.alpine.SecDbParser;
import io.clair.core.enrich.cvss.NvdFeedParser;
import io.clair.core.index.IndexReport;
import io.clair.core.index.Package;
import io.clair.core.testing.MatchingFixture;
import io.clair.core.testing.Rootfs;
import io.clair.core.testing.TestData;
import io.clair.core.vuln.Enrichment;
import io.clair.core.vuln.Fingerprint;
import io.clair.core.vuln.Vulnerability;
import io.clair.core.vuln.VulnerabilityReport;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * CVSS enrichment through matching: the Alpine 3.6.5 minirootfs indexed by our indexer, matched against secdb
 * entries derived for its real packages that name the CVEs of the real NVD excerpt, with that excerpt recorded as
 * {@code clair.cvss} enrichments; the report serialized as the matcher serves it ({@link V4Mapper} to
 * {@code VulnerabilityReportDto}) must hold exactly those CVEs' {@code cvssData} in Clair's shape, and Alpine's
 * Unknown severities derived from the base scores.
 */
class CvssEnrichmentMatchingTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TYPE = "message/vnd.clair.map.vulnerability; enricher=clair.cvss "
            + "schema=https://csrc.nist.gov/schema/nvd/api/2.0/cve_api_json_2.0.schema";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"memory", "postgres"})
    void theReportCarriesNvdCvssDataInClairsShape(String storeKind) throws Exception {
        MatchingFixture f = MatchingFixture.create(storeKind);
        IndexReport report = f.indexDirectory("cvss-alpine-3.6.5", Rootfs.alpine("3.6.5"));
        f.vulns().recordUpdate("alpine-main-v3.6-updater", new Fingerprint("derived"), derivedSecdb(report), null);
        List<Enrichment> nvd = new ArrayList<>();
        try (InputStream in = Files.newInputStream(TestData.path("enrichment/feed.json"))) {
            new NvdFeedParser("feed.json").parse(in, nvd::add);
        }
        f.vulns().recordEnrichments("clair.cvss", new Fingerprint("nvd"), nvd, null);

        VulnerabilityReport vr = f.matcher().match(report);
        String json = JSON.writeValueAsString(V4Mapper.vulnerabilityReport(vr));

        String busybox = idOf(vr, "CVE-2016-2781");
        String musl = idOf(vr, "CVE-2016-3674");
        String zlib = idOf(vr, "CVE-2016-3197");
        // Expected cvssData read independently from the feed: NVD's primary v3.0 for 2781, primary v3.1 for 3674.
        JsonNode feed = JSON.readTree(TestData.path("enrichment/feed.json").toFile()).get("vulnerabilities");
        ObjectNode byVuln = JSON.createObjectNode();
        byVuln.putArray(busybox).add(feed.get(0).at("/cve/metrics/cvssMetricV30/0/cvssData"));
        byVuln.putArray(musl).add(feed.get(2).at("/cve/metrics/cvssMetricV31/0/cvssData"));
        ObjectNode enrichments = JSON.createObjectNode();
        enrichments.putArray(TYPE).add(byVuln);

        assertThatJson(json).node("enrichments").isEqualTo(enrichments);
        assertThatJson(json).node("vulnerabilities." + busybox).isObject().containsEntry("name", "CVE-2016-2781")
                .containsEntry("severity", "").containsEntry("normalized_severity", "Medium");
        assertThatJson(json).node("vulnerabilities." + musl).isObject()
                .containsEntry("normalized_severity", "High");
        // Rejected in NVD, so no CVSS data: Alpine's Unknown stays.
        assertThatJson(json).node("vulnerabilities." + zlib).isObject()
                .containsEntry("normalized_severity", "Unknown");

        // What Quay does with it: first list's first element, by vulnerability id, the highest baseScore.
        JsonNode tree = JSON.readTree(json);
        Iterator<JsonNode> lists = tree.get("enrichments").elements();
        JsonNode first = lists.next().get(0);
        assertThat(lists.hasNext()).isFalse();
        assertThat(first.get(busybox).get(0).get("baseScore").asDouble()).isEqualTo(6.5);
        assertThat(first.get(busybox).get(0).get("vectorString").asText())
                .isEqualTo("CVSS:3.0/AV:L/AC:L/PR:L/UI:N/S:C/C:N/I:H/A:N");
        assertThat(first.get(musl).get(0).get("baseScore").asDouble()).isEqualTo(7.5);
        assertThat(first.has(zlib)).isFalse();
        // busybox and ssl_client (origin busybox) share the one vulnerability; musl and musl-utils too.
        assertThat(vr.packageVulnerabilities().entrySet().stream().filter(e -> e.getValue().contains(busybox))
                .map(e -> vr.packages().get(e.getKey()).name())).containsExactlyInAnyOrder("busybox", "ssl_client");
    }

    private static String idOf(VulnerabilityReport vr, String name) {
        List<String> ids = vr.vulnerabilities().values().stream().filter(v -> v.name().equals(name))
                .map(Vulnerability::id).toList();
        assertThat(ids).as(name).hasSize(1);
        return ids.get(0);
    }

    /**
     * A secdb naming the excerpt's CVEs for real installed origins, fixed just above the installed version: busybox
     * (CVE-2016-2781), musl (CVE-2016-3674), zlib (CVE-2016-3197); and libressl listing 3674 as never affected.
     */
    private static List<Vulnerability> derivedSecdb(IndexReport report) throws IOException {
        Map<String, String> cves = Map.of("busybox", "CVE-2016-2781", "musl", "CVE-2016-3674",
                "zlib", "CVE-2016-3197");
        StringBuilder b = new StringBuilder("{\"distroversion\":\"v3.6\",\"reponame\":\"main\",\"packages\":[");
        for (Map.Entry<String, String> e : cves.entrySet()) {
            Package p = report.packages().values().stream().filter(x -> x.name().equals(e.getKey())).findFirst()
                    .orElseThrow();
            String above = p.version().replaceFirst("-r(\\d+)$", "") + "-r99";
            b.append("{\"pkg\":{\"name\":\"").append(e.getKey()).append("\",\"secfixes\":{\"").append(above)
                    .append("\":[\"").append(e.getValue()).append("\"]}}},");
        }
        b.append("{\"pkg\":{\"name\":\"libressl\",\"secfixes\":{\"0\":[\"CVE-2016-3674\"]}}}]}");
        return new SecDbParser("alpine-main-v3.6-updater", AlpineDistributions.release("v3.6"))
                .parse(new ByteArrayInputStream(b.toString().getBytes(StandardCharsets.UTF_8)));
    }
}
