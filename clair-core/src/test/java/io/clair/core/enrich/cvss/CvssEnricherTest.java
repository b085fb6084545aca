package io.clair.core.enrich.cvss;

import static org.assertj.core.api.Assertions.assertThat;

import io.clair.core.index.Package;
import io.clair.core.match.Enricher;
import io.clair.core.store.memory.InMemoryVulnerabilityStore;
import io.clair.core.testing.TestData;
import io.clair.core.vuln.Enrichment;
import io.clair.core.vuln.Fingerprint;
import io.clair.core.vuln.Severity;
import io.clair.core.vuln.Vulnerability;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The enricher over the records of the real NVD excerpt, in the in-memory store. */
class CvssEnricherTest {
    private final InMemoryVulnerabilityStore store = new InMemoryVulnerabilityStore();
    private final CvssEnricher enricher = new CvssEnricher();
    private final Map<String, Map<String, Object>> byCve = new LinkedHashMap<>();

    @BeforeEach
    void load() throws IOException {
        List<Enrichment> records = new ArrayList<>();
        try (InputStream in = Files.newInputStream(TestData.path("enrichment/feed.json"))) {
            new NvdFeedParser("feed.json").parse(in, records::add);
        }
        records.forEach(e -> byCve.put(e.tags().get(0), e.data()));
        store.recordEnrichments("clair.cvss", new Fingerprint("f"), records, null);
    }

    private static Vulnerability vuln(String name, String links, String description, Severity severity) {
        return new Vulnerability("", "test", name, description, null, links, "", severity,
                Package.builder("pkg", "").build(), null, null, "1.0", null, null, false);
    }

    @Test
    void cveIdsInNamesAndLinksGetTheirCvssDataAndUnknownSeveritiesAreDerived() {
        Map<String, Vulnerability> vulns = new LinkedHashMap<>();
        vulns.put("1", vuln("CVE-2016-2781", "https://security.alpinelinux.org/vuln/CVE-2016-2781", "",
                Severity.Unknown));
        vulns.put("2", vuln("ALAS-2016-700", "https://alas.aws.amazon.com/ALAS-2016-700.html "
                + "https://nvd.nist.gov/vuln/detail/cve_2016_3674", "", Severity.Unknown));
        vulns.put("3", vuln("DSA-0001", "https://example.org/CVE-2016-3674 https://example.org/CVE-2016-2781", "",
                Severity.Low));
        vulns.put("4", vuln("GHSA-xxxx", "", "a regression of CVE-2016-3674", Severity.Unknown));
        vulns.put("5", vuln("CVE-2016-3197", "", "", Severity.Unknown));

        Enricher.Result r = enricher.enrich(vulns, store);

        assertThat(r.type()).isEqualTo("message/vnd.clair.map.vulnerability; enricher=clair.cvss "
                + "schema=https://csrc.nist.gov/schema/nvd/api/2.0/cve_api_json_2.0.schema");
        assertThat(r.values()).singleElement().isEqualTo(Map.of(
                "1", List.of(byCve.get("CVE-2016-2781")),
                "2", List.of(byCve.get("CVE-2016-3674")),
                "3", List.of(byCve.get("CVE-2016-2781"), byCve.get("CVE-2016-3674"))));
        // 6.5 is Medium, 7.5 High; a vendor's Low stays (not in the map); no record, no severity.
        assertThat(r.severities()).isEqualTo(Map.of("1", Severity.Medium, "2", Severity.High));
    }

    @Test
    void theHighestBaseScoreDecidesAndAMissingScoreIsComputedFromTheVector() {
        Map<String, Object> noScore = new LinkedHashMap<>(byCve.get("CVE-2016-3674"));
        noScore.remove("baseScore");
        store.recordEnrichments("clair.cvss", new Fingerprint("g"), List.of(
                new Enrichment(List.of("CVE-2016-2781"), byCve.get("CVE-2016-2781")),
                new Enrichment(List.of("CVE-2016-3674"), noScore)), null);
        Enricher.Result r = enricher.enrich(Map.of("9",
                vuln("CVE-2016-2781", "https://example.org/CVE-2016-3674", "", Severity.Unknown)), store);
        assertThat(r.severities()).containsEntry("9", Severity.High);
    }

    @Test
    void nothingToSayMeansNoEntry() {
        assertThat(enricher.enrich(Map.of("1", vuln("GHSA-1234", "https://github.com/advisories/GHSA-1234", "",
                Severity.Unknown)), store).isEmpty()).isTrue();
        assertThat(enricher.enrich(Map.of("1", vuln("CVE-2099-0001", "", "", Severity.Unknown)), store).isEmpty())
                .isTrue();
    }

    @Test
    void cveIdsAreNormalized() {
        assertThat(CvssEnricher.cveIds("cve_2016_2781 CVE-2016-3674x Cve-2021-44228 CVE-16-1")).containsExactly(
                "CVE-2016-2781", "CVE-2016-3674", "CVE-2021-44228");
    }
}
