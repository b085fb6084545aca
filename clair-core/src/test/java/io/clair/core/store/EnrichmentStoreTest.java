package io.clair.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.clair.core.enrich.cvss.NvdFeedParser;
import io.clair.core.store.jdbc.JdbcVulnerabilityStore;
import io.clair.core.store.jdbc.Migrations;
import io.clair.core.store.memory.InMemoryVulnerabilityStore;
import io.clair.core.testing.TestData;
import io.clair.core.testing.TestDatabase;
import io.clair.core.vuln.Enrichment;
import io.clair.core.vuln.Fingerprint;
import io.clair.core.vuln.UpdateKind;
import io.clair.core.vuln.UpdateOperation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Enrichment operations in both stores, with the records of the real NVD excerpt. */
class EnrichmentStoreTest {

    private static List<Enrichment> nvd() throws IOException {
        List<Enrichment> out = new ArrayList<>();
        try (InputStream in = Files.newInputStream(TestData.path("enrichment/feed.json"))) {
            new NvdFeedParser("feed.json").parse(in, out::add);
        }
        assertThat(out).extracting(e -> e.tags().get(0)).containsExactly("CVE-2016-2781", "CVE-2016-3674");
        return out;
    }

    private static VulnerabilityStore store(String kind) {
        if (kind.equals("memory")) {
            return new InMemoryVulnerabilityStore();
        }
        DataSource ds = TestDatabase.createDataSource();
        Migrations.migrate(ds, "vulnstore");
        return new JdbcVulnerabilityStore(ds);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"memory", "postgres"})
    void lookupsSeeOnlyTheLatestOperationOfTheUpdater(String kind) throws IOException {
        VulnerabilityStore store = store(kind);
        List<Enrichment> nvd = nvd();
        Enrichment twoTags = new Enrichment(List.of("CVE-2099-0001", "GHSA-aaaa-bbbb-cccc"),
                Map.of("baseScore", 1.5, "nested", Map.of("list", List.of(1, "two", true))));
        List<Enrichment> all = new ArrayList<>(nvd);
        all.add(twoTags);

        UpdateOperation first = store.recordEnrichments("clair.cvss", new Fingerprint("f1"), all, null);
        assertThat(first.kind()).isEqualTo(UpdateKind.ENRICHMENT);
        assertThat(store.latest("clair.cvss")).contains(first);
        assertThat(store.enrichmentCount("clair.cvss")).isEqualTo(3);
        assertThat(store.enrichments("clair.cvss")).containsExactlyInAnyOrderElementsOf(all);
        assertThat(store.enrichments("clair.cvss", List.of("CVE-2016-3674", "CVE-1999-0001")))
                .containsExactly(nvd.get(1));
        assertThat(store.enrichments("clair.cvss", List.of("GHSA-aaaa-bbbb-cccc"))).containsExactly(twoTags);
        assertThat(store.enrichments("clair.cvss", List.of())).isEmpty();
        assertThat(store.enrichments("another.enricher", List.of("CVE-2016-3674"))).isEmpty();

        // Enrichments are not vulnerability data.
        assertThat(store.initialized()).isFalse();
        assertThat(store.vulnerabilityCount("clair.cvss")).isZero();
        assertThat(store.vulnerabilities("clair.cvss")).isEmpty();
        assertThat(store.byName("CVE-2016-3674")).isEmpty();
        assertThat(store.updateOperations(UpdateKind.VULNERABILITY, true)).doesNotContainKey("clair.cvss");

        UpdateOperation second = store.recordEnrichments("clair.cvss", new Fingerprint("f2"), nvd.subList(0, 1),
                null);
        assertThat(store.enrichments("clair.cvss", List.of("CVE-2016-3674", "CVE-2016-2781")))
                .containsExactly(nvd.get(0));
        assertThat(store.enrichmentCount("clair.cvss")).isEqualTo(1);
        assertThat(store.updateOperations(UpdateKind.ENRICHMENT, false).get("clair.cvss"))
                .extracting(UpdateOperation::ref).containsExactly(second.ref(), first.ref());
        assertThat(store.diff(first.ref(), second.ref()).added()).isEmpty();

        assertThat(store.collectGarbage(1)).isEqualTo(1);
        assertThat(store.enrichments("clair.cvss")).containsExactly(nvd.get(0));
        assertThat(store.deleteUpdateOperation(second.ref())).isTrue();
        assertThat(store.latest("clair.cvss")).isEmpty();
        assertThat(store.enrichments("clair.cvss", List.of("CVE-2016-2781"))).isEmpty();
        assertThat(store.enrichmentCount("clair.cvss")).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"memory", "postgres"})
    void anImportKeepsTheBundlesReference(String kind) throws IOException {
        VulnerabilityStore store = store(kind);
        java.util.UUID ref = java.util.UUID.fromString("6c4a2f8e-3a0b-4c55-9d1e-3f2f5d3c1a01");
        assertThat(store.recordEnrichments("clair.cvss", new Fingerprint("f"), nvd(), ref).ref()).isEqualTo(ref);
        assertThat(store.latest("clair.cvss").orElseThrow().ref()).isEqualTo(ref);
    }

    @Test
    void postgresStoresIdenticalRecordsOnceAndDropsThemWithTheirLastOperation() throws Exception {
        DataSource ds = TestDatabase.createDataSource();
        Migrations.migrate(ds, "vulnstore");
        VulnerabilityStore store = new JdbcVulnerabilityStore(ds);
        List<Enrichment> nvd = nvd();
        List<Enrichment> twice = new ArrayList<>(nvd);
        twice.addAll(nvd);
        store.recordEnrichments("clair.cvss", new Fingerprint("f1"), twice, null);
        store.recordEnrichments("clair.cvss", new Fingerprint("f2"), nvd, null);
        assertThat(count(ds, "enrichment")).isEqualTo(2);
        assertThat(count(ds, "uo_enrich")).isEqualTo(4);
        store.recordEnrichments("clair.cvss", new Fingerprint("f3"), nvd.subList(1, 2), null);
        assertThat(store.collectGarbage(1)).isEqualTo(2);
        assertThat(count(ds, "enrichment")).isEqualTo(1);
        assertThat(count(ds, "uo_enrich")).isEqualTo(1);
    }

    private static long count(DataSource ds, String table) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
