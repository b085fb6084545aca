package io.clair.api.bundle;

import static net.javacrumbs.jsonunit.assertj.JsonAssertions.assertThatJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.clair.core.enrich.cvss.NvdFeedParser;
import io.clair.core.index.Package;
import io.clair.core.store.memory.InMemoryVulnerabilityStore;
import io.clair.core.vuln.Enrichment;
import io.clair.core.vuln.Fingerprint;
import io.clair.core.vuln.Severity;
import io.clair.core.vuln.UpdateOperation;
import io.clair.core.vuln.Vulnerability;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Enrichment lines in Clair's offline bundle, with the records of the real NVD excerpt. */
class EnrichmentBundleTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** {@code ../shared/testdata/enrichment/feed.json} next to the project checkout. */
    private static Path feed() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("clair-core"))) {
                Path p = dir.resolve("../shared/testdata/enrichment/feed.json").normalize();
                assertThat(p).as("shared test data").exists();
                return p;
            }
        }
        throw new IllegalStateException("testdata: cannot find the project root from " + Path.of("").toAbsolutePath());
    }

    private static List<Enrichment> nvd() throws IOException {
        List<Enrichment> out = new ArrayList<>();
        try (InputStream in = Files.newInputStream(feed())) {
            new NvdFeedParser("feed.json").parse(in, out::add);
        }
        return out;
    }

    private static Vulnerability vuln() {
        return new Vulnerability("", "alpine-main-v3.6-updater", "CVE-2016-2781", "", null,
                "https://security.alpinelinux.org/vuln/CVE-2016-2781", "", Severity.Unknown,
                Package.builder("coreutils", "").build(), null, null, "8.26-r0", null, null, false);
    }

    @Test
    void exportWritesClairsEnrichmentLinesAndImportRecordsThem() throws IOException {
        InMemoryVulnerabilityStore source = new InMemoryVulnerabilityStore();
        source.recordUpdate("alpine-main-v3.6-updater", new Fingerprint("etag"), List.of(vuln()), null);
        UpdateOperation cvss = source.recordEnrichments("clair.cvss", new Fingerprint("{\"2016\":\"D165\"}"), nvd(),
                null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        UpdateBundle.export(source, out);

        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(3);
        assertThatJson(lines.get(1)).isEqualTo("""
                {"Updater":"clair.cvss","Fingerprint":"{\\"2016\\":\\"D165\\"}","Date":"${json-unit.any-string}",
                 "Kind":"enrichment","Ref":"%s",
                 "Enrichment":{"Tags":["CVE-2016-2781"],
                   "Enrichment":{"version":"3.0","vectorString":"CVSS:3.0/AV:L/AC:L/PR:L/UI:N/S:C/C:N/I:H/A:N",
                     "baseScore":6.5,"baseSeverity":"MEDIUM","attackVector":"LOCAL","attackComplexity":"LOW",
                     "privilegesRequired":"LOW","userInteraction":"NONE","scope":"CHANGED",
                     "confidentialityImpact":"NONE","integrityImpact":"HIGH","availabilityImpact":"NONE"}}}
                """.formatted(cvss.ref()));
        assertThat(JSON.readTree(lines.get(1)).has("Vuln")).isFalse();

        InMemoryVulnerabilityStore target = new InMemoryVulnerabilityStore();
        UpdateBundle.ImportResult r = UpdateBundle.importInto(target, new ByteArrayInputStream(out.toByteArray()));
        assertThat(r).isEqualTo(new UpdateBundle.ImportResult(2, 0, 1, 2));
        UpdateOperation imported = target.latest("clair.cvss").orElseThrow();
        assertThat(imported.ref()).isEqualTo(cvss.ref());
        assertThat(imported.kind()).isEqualTo(cvss.kind());
        assertThat(imported.fingerprint()).isEqualTo(cvss.fingerprint());
        assertThat(new HashSet<>(target.enrichments("clair.cvss"))).isEqualTo(new HashSet<>(nvd()));
        assertThat(target.vulnerabilities("alpine-main-v3.6-updater")).extracting(Vulnerability::name)
                .containsExactly("CVE-2016-2781");

        assertThat(UpdateBundle.importInto(target, new ByteArrayInputStream(out.toByteArray())))
                .isEqualTo(new UpdateBundle.ImportResult(0, 2, 0, 0));
    }

    @Test
    void linesThatDoNotCarryTheirKindsRecordAreRejected() {
        String noEnrichment = "{\"Updater\":\"clair.cvss\",\"Fingerprint\":\"f\",\"Kind\":\"enrichment\","
                + "\"Ref\":\"6c4a2f8e-3a0b-4c55-9d1e-3f2f5d3c1a01\"}";
        assertThatThrownBy(() -> UpdateBundle.importInto(new InMemoryVulnerabilityStore(),
                new ByteArrayInputStream(noEnrichment.getBytes(StandardCharsets.UTF_8))))
                .hasMessage("bundle: line 1 of kind enrichment lacks its Enrichment");
        String noTags = "{\"Updater\":\"clair.cvss\",\"Fingerprint\":\"f\",\"Kind\":\"enrichment\","
                + "\"Ref\":\"6c4a2f8e-3a0b-4c55-9d1e-3f2f5d3c1a01\",\"Enrichment\":{\"Enrichment\":{}}}";
        assertThatThrownBy(() -> UpdateBundle.importInto(new InMemoryVulnerabilityStore(),
                new ByteArrayInputStream(noTags.getBytes(StandardCharsets.UTF_8))))
                .hasMessageStartingWith("bundle: line 1: enrichment: tags must be non-empty");
    }
}
