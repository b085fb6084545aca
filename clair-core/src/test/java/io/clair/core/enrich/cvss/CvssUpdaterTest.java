package io.clair.core.enrich.cvss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clair.core.plugin.PluginContext;
import io.clair.core.store.VulnerabilityStore;
import io.clair.core.store.jdbc.JdbcVulnerabilityStore;
import io.clair.core.store.jdbc.Migrations;
import io.clair.core.store.memory.InMemoryVulnerabilityStore;
import io.clair.core.testing.FeedServer;
import io.clair.core.testing.TestData;
import io.clair.core.testing.TestDatabase;
import io.clair.core.update.EnrichmentUpdater;
import io.clair.core.update.UpdateManager;
import io.clair.core.update.UpdateOptions;
import io.clair.core.update.UpdateOutcome;
import io.clair.core.vuln.Enrichment;
import io.clair.core.vuln.UpdateKind;
import io.clair.core.vuln.UpdateOperation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code clair.cvss} end to end: the real NVD excerpt and {@code .meta}, served over local HTTP as a mirror would
 * ({@code nvdcve-2.0-2016.json.gz} and {@code nvdcve-2.0-2016.meta}), run by the {@link UpdateManager} into each store.
 */
class CvssUpdaterTest {
    private static final String GZ = "/nvd/nvdcve-2.0-2016.json.gz";
    private static final String META = "/nvd/nvdcve-2.0-2016.meta";

    @TempDir
    Path tmp;
    private FeedServer server;
    private byte[] gz;
    private String meta;

    @BeforeEach
    void serve() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(b)) {
            out.write(Files.readAllBytes(TestData.path("enrichment/feed.json")));
        }
        gz = b.toByteArray();
        meta = Files.readString(TestData.path("enrichment/feed.meta"));
        server = new FeedServer().serve(GZ, gz).serve(META, meta.getBytes());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private PluginContext ctx(Map<String, Object> config, Clock clock) {
        return new PluginContext(HttpClient.newHttpClient(), clock, tmp, Map.of("clair.cvss", config));
    }

    private UpdateManager manager(VulnerabilityStore store) {
        CvssUpdaterFactory f = new CvssUpdaterFactory(ctx(Map.of("feed_root", server.url("/nvd"),
                "years", List.of(2016)), Clock.systemUTC()));
        return new UpdateManager(store, List.of(f), new UpdateOptions(null, 10, 1, Clock.systemUTC(), null));
    }

    private static VulnerabilityStore store(String kind) {
        if (kind.equals("memory")) {
            return new InMemoryVulnerabilityStore();
        }
        DataSource ds = TestDatabase.createDataSource();
        Migrations.migrate(ds, "vulnstore");
        return new JdbcVulnerabilityStore(ds);
    }

    /** What the parser makes of the same file, directly: the updater must store exactly this. */
    private static List<Enrichment> expected() throws IOException {
        List<Enrichment> out = new ArrayList<>();
        try (InputStream in = Files.newInputStream(TestData.path("enrichment/feed.json"))) {
            new NvdFeedParser("feed.json").parse(in, out::add);
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"memory", "postgres"})
    void changedThenUnchangedThenFailuresLeaveThePreviousDataInPlace(String kind) throws Exception {
        VulnerabilityStore store = store(kind);
        UpdateManager m = manager(store);

        List<UpdateOutcome> first = m.runOnce();
        assertThat(first).singleElement().satisfies(o -> {
            assertThat(o.updater()).isEqualTo("clair.cvss");
            assertThat(o.result()).isEqualTo(UpdateOutcome.Result.UPDATED);
            assertThat(o.vulnerabilities()).isEqualTo(2);
        });
        UpdateOperation op = store.latest("clair.cvss").orElseThrow();
        assertThat(op.kind()).isEqualTo(UpdateKind.ENRICHMENT);
        assertThat(op.fingerprint().value())
                .isEqualTo("{\"2016\":\"D165E29D8D911F3F1E0919A5C1E8C423B14AF1C38F57847DD0A8CC9DBD027618\"}");
        assertThat(new HashSet<>(store.enrichments("clair.cvss"))).isEqualTo(new HashSet<>(expected()));
        assertThat(store.enrichmentCount("clair.cvss")).isEqualTo(2);
        assertThat(store.initialized()).as("enrichments are not vulnerability data").isFalse();
        assertNoTempFiles();

        assertThat(m.runOnce()).singleElement().extracting(UpdateOutcome::result)
                .isEqualTo(UpdateOutcome.Result.UNCHANGED);
        assertThat(server.fullResponses(GZ)).as("an unchanged meta means no feed download").isEqualTo(1);
        assertThat(store.latest("clair.cvss")).contains(op);
        assertThat(store.statuses()).singleElement().satisfies(s -> {
            assertThat(s.lastRunSucceeded()).isTrue();
            assertThat(s.vulnerabilities()).isEqualTo(2);
        });

        // NVD publishes a new feed (the meta changes) but the download fails, then arrives corrupt.
        server.serve(META, meta.replace("D165E29D", "0165E29D").getBytes()).fail(GZ, 500);
        assertThat(m.runOnce()).singleElement().satisfies(o -> {
            assertThat(o.result()).isEqualTo(UpdateOutcome.Result.FAILED);
            assertThat(o.error()).isEqualTo("cvss: GET " + server.url(GZ) + " returned 500");
        });
        server.serve(GZ, java.util.Arrays.copyOf(gz, gz.length / 2));
        assertThat(m.runOnce()).singleElement().satisfies(o -> {
            assertThat(o.result()).isEqualTo(UpdateOutcome.Result.FAILED);
            assertThat(o.error()).isEqualTo("cvss: " + server.url(GZ)
                    + ": cannot read the feed: Unexpected end of ZLIB input stream");
        });
        assertThat(store.latest("clair.cvss")).contains(op);
        assertThat(new HashSet<>(store.enrichments("clair.cvss"))).isEqualTo(new HashSet<>(expected()));
        assertThat(store.statuses()).singleElement().satisfies(s -> assertThat(s.lastRunSucceeded()).isFalse());
        assertNoTempFiles();

        server.serve(GZ, gz);
        assertThat(m.runOnce()).singleElement().extracting(UpdateOutcome::result)
                .isEqualTo(UpdateOutcome.Result.UPDATED);
        assertThat(store.updateOperations(UpdateKind.ENRICHMENT, false).get("clair.cvss")).hasSize(2);
        assertThat(store.enrichments("clair.cvss", List.of("CVE-2016-3674"))).singleElement()
                .satisfies(e -> assertThat(e.data()).containsEntry("baseScore", 7.5));
    }

    @Test
    void aMetaFileThatIsNotOneFailsTheRunBeforeAnyDownload() throws IOException {
        server.serve(META, "<html>moved</html>".getBytes());
        EnrichmentUpdater u = new CvssUpdaterFactory(ctx(Map.of("feed_root", server.url("/nvd/"), "years",
                List.of(2016)), Clock.systemUTC())).enrichmentUpdaters().get(0);
        assertThatThrownBy(() -> u.fetch(io.clair.core.vuln.Fingerprint.NONE)).isInstanceOf(IOException.class)
                .hasMessage("cvss: " + server.url(META) + ": no sha256 line; is this an NVD .meta file?");
        assertThat(server.fullResponses(GZ)).isZero();
    }

    @Test
    void yearsDefaultToEveryFeedUpToTheClocksYearAndTheRootToNvd() {
        Clock in2004 = Clock.fixed(Instant.parse("2004-06-01T00:00:00Z"), ZoneOffset.UTC);
        CvssUpdater u = (CvssUpdater) new CvssUpdaterFactory(ctx(Map.of(), in2004)).enrichmentUpdaters().get(0);
        assertThat(u.years()).containsExactly(2002, 2003, 2004);
        assertThat(u.feedRoot()).hasToString("https://nvd.nist.gov/feeds/json/cve/2.0/");
        assertThat(u.name()).isEqualTo("clair.cvss");
        assertThat(new CvssUpdaterFactory(ctx(Map.of(), in2004)).create()).isEmpty();
    }

    @Test
    void yearsFromPropertiesArriveAsStrings() {
        // clair.updaters."clair.cvss".years=2016 or =2016,2015 reach the binder as a string or a list of strings.
        CvssUpdater one = (CvssUpdater) new CvssUpdaterFactory(ctx(Map.of("years", "2016"), Clock.systemUTC()))
                .enrichmentUpdaters().get(0);
        CvssUpdater two = (CvssUpdater) new CvssUpdaterFactory(ctx(Map.of("years", List.of("2016", "2015")),
                Clock.systemUTC())).enrichmentUpdaters().get(0);
        assertThat(one.years()).containsExactly(2016);
        assertThat(two.years()).containsExactly(2015, 2016);
    }

    @Test
    void configurationMistakesAreReportedAtStartUp() {
        assertThatThrownBy(() -> new CvssUpdaterFactory(ctx(Map.of("years", List.of(1999)), Clock.systemUTC())))
                .hasMessageContaining("cvss: year 1999 is before the first NVD feed (2002)");
        assertThatThrownBy(() -> new CvssUpdaterFactory(ctx(Map.of("feedroot", "x"), Clock.systemUTC())))
                .hasMessageContaining("config for clair.cvss");
    }

    private void assertNoTempFiles() throws IOException {
        try (Stream<Path> s = Files.list(tmp)) {
            assertThat(s.toList()).isEmpty();
        }
    }
}
