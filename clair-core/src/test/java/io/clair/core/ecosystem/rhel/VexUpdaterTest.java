package io.clair.core.ecosystem.rhel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clair.core.plugin.PluginContext;
import io.clair.core.testing.TestData;
import io.clair.core.update.DeltaUpdater;
import io.clair.core.update.FetchResult;
import io.clair.core.update.TestHttpServer;
import io.clair.core.update.TestHttpServer.Validators;
import io.clair.core.vuln.Fingerprint;
import io.clair.core.vuln.Severity;
import io.clair.core.vuln.Vulnerability;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The VEX updater end to end against a local server laid out like Red Hat's VEX directory: the real bulk archive,
 * real VEX documents, and change lists written for the test in Red Hat's format.
 */
class VexUpdaterTest {
    private static final String ARCHIVE = "csaf_vex_2023-10-31.tar.zst";
    /** After the archive was cut (its name says 2023-10-31): listed changes from here on replace archive copies. */
    private static final String AFTER_CUT = "2023-11-13T12:16:00+00:00";
    private static final String BEFORE_CUT = "2023-10-12T17:37:00+00:00";
    private static final String DELTA_TIME = "2024-03-06T00:00:00+00:00";

    @TempDir
    Path tmp;
    private TestHttpServer server;
    private Map<String, JsonNode> archive;

    @BeforeEach
    void setUp() throws IOException {
        server = TestHttpServer.start();
        archive = VexDocumentParserTest.archive();
        server.bytes("/vex/archive_latest.txt", (ARCHIVE + "\n").getBytes(StandardCharsets.UTF_8), Validators.NONE,
                "text/plain");
        server.file("/vex/" + ARCHIVE, TestData.path("rhel/vex/" + ARCHIVE), Validators.NONE);
        // 0044 changed after the cut and is fetched on its own; 0051's entry predates the cut; so does a 2013 one
        lists("\"2023/cve-2023-0044.json\",\"" + AFTER_CUT + "\"\n"
                + "\"2023/cve-2023-0051.json\",\"" + BEFORE_CUT + "\"\n"
                + "\"2013/cve-2013-0001.json\",\"" + AFTER_CUT + "\"\n",
                "\"2022/cve-2022-0001.json\",\"2022-01-01T00:00:00+00:00\"\n");
        serveDoc("/vex/2023/cve-2023-0044.json", archive.get("2023/cve-2023-0044.json"));
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    private void lists(String changes, String deletions) {
        server.bytes("/vex/changes.csv", changes.getBytes(StandardCharsets.UTF_8), Validators.ETAG, "text/csv");
        server.bytes("/vex/deletions.csv", deletions.getBytes(StandardCharsets.UTF_8), Validators.ETAG, "text/csv");
    }

    private void serveDoc(String path, JsonNode doc) throws IOException {
        server.bytes(path, VexDocumentParserTest.JSON.writeValueAsBytes(doc), Validators.ETAG, "application/json");
    }

    private DeltaUpdater updater() {
        PluginContext ctx = new PluginContext(HttpClient.newHttpClient(), Clock.systemUTC(), tmp,
                Map.of("rhel-vex", Map.of("url", server.uri("/vex").toString())));
        return (DeltaUpdater) new VexUpdaterFactory(ctx).create().get(0);
    }

    private static List<Vulnerability> expected(JsonNode... docs) {
        List<Vulnerability> out = new ArrayList<>();
        for (JsonNode d : docs) {
            out.addAll(new VexExpectations(d).records(true));
        }
        return out;
    }

    private static List<Vulnerability> parse(DeltaUpdater u, FetchResult.Changed r, List<Vulnerability> previous)
            throws IOException {
        try (InputStream in = Files.newInputStream(r.content())) {
            return previous == null ? u.parse(in) : u.parse(in, previous);
        } finally {
            Files.deleteIfExists(r.content());
        }
    }

    @Test
    void fullLoadThenUnchangedThenADeltaThatAddsChangesAndDeletes() throws IOException {
        DeltaUpdater u = updater();
        assertThat(u.name()).isEqualTo("rhel-vex");

        FetchResult.Changed full = (FetchResult.Changed) u.fetch(Fingerprint.NONE);
        List<Vulnerability> first = parse(u, full, null);
        assertThat(first).containsExactlyInAnyOrderElementsOf(expected(archive.values().toArray(JsonNode[]::new)));
        assertThat(first).extracting(Vulnerability::name).contains("CVE-2023-0044", "CVE-2023-0049",
                "CVE-2023-0051");
        assertThat(server.requests("/vex/2023/cve-2023-0044.json")).hasSize(1);
        assertThat(server.requests("/vex/2023/cve-2023-0051.json")).isEmpty();
        assertThat(server.requests("/vex/2013/cve-2013-0001.json")).isEmpty();

        assertThat(u.fetch(full.next())).isInstanceOf(FetchResult.Unchanged.class);
        assertThat(server.requests("/vex/" + ARCHIVE)).hasSize(1);

        // Red Hat raises 0049's impact, publishes CVE-2024-24786 and withdraws 0051
        ObjectNode changed = archive.get("2023/cve-2023-0049.json").deepCopy();
        changed.withArray("vulnerabilities").get(0).withArray("threats")
                .forEach(t -> ((ObjectNode) t).put("details", "Important"));
        serveDoc("/vex/2023/cve-2023-0049.json", changed);
        JsonNode added = VexDocumentParserTest.read("rhel/vex/cve-2024-24786-simple.json");
        serveDoc("/vex/2024/cve-2024-24786.json", added);
        lists("\"2024/cve-2024-24786.json\",\"" + DELTA_TIME + "\"\n"
                + "\"2023/cve-2023-0049.json\",\"" + DELTA_TIME + "\"\n"
                + "\"2023/cve-2023-0044.json\",\"" + AFTER_CUT + "\"\n"
                + "\"2023/cve-2023-0045.json\",\"" + BEFORE_CUT + "\"\n",
                "\"2023/cve-2023-0051.json\",\"" + DELTA_TIME + "\"\n");

        FetchResult.Changed delta = (FetchResult.Changed) u.fetch(full.next());
        List<Vulnerability> second = parse(u, delta, first);
        List<Vulnerability> want = new ArrayList<>(first.stream().filter(v -> !v.name().equals("CVE-2023-0049")
                && !v.name().equals("CVE-2023-0051")).toList());
        want.addAll(expected(changed, added));
        assertThat(second).containsExactlyInAnyOrderElementsOf(want);
        assertThat(second).filteredOn(v -> v.name().equals("CVE-2023-0049")).isNotEmpty()
                .allSatisfy(v -> assertThat(v.normalizedSeverity()).isEqualTo(Severity.High));
        assertThat(second).extracting(Vulnerability::name).doesNotContain("CVE-2023-0051");
        // the archive is not downloaded again; entries older than the newest one of the last run are not fetched,
        // entries at that very time are (the boundary is inclusive, so nothing published in that second is lost)
        assertThat(server.requests("/vex/" + ARCHIVE)).hasSize(1);
        assertThat(server.requests("/vex/2023/cve-2023-0045.json")).isEmpty();
        assertThat(server.requests("/vex/2023/cve-2023-0044.json")).hasSize(2);

        assertThat(u.fetch(delta.next())).isInstanceOf(FetchResult.Unchanged.class);
    }

    @Test
    void aDeltaIsNeverMistakenForTheWholeData() throws IOException {
        DeltaUpdater u = updater();
        FetchResult.Changed full = (FetchResult.Changed) u.fetch(Fingerprint.NONE);
        Files.deleteIfExists(full.content());
        lists("\"2024/cve-2024-24786.json\",\"" + DELTA_TIME + "\"\n",
                "\"2022/cve-2022-0001.json\",\"2022-01-01T00:00:00+00:00\"\n");
        serveDoc("/vex/2024/cve-2024-24786.json", VexDocumentParserTest.read("rhel/vex/cve-2024-24786-simple.json"));
        FetchResult.Changed delta = (FetchResult.Changed) u.fetch(full.next());
        try (InputStream in = Files.newInputStream(delta.content())) {
            assertThatThrownBy(() -> u.parse(in)).isInstanceOf(IOException.class)
                    .hasMessageStartingWith("rhel-vex: the content is a delta and no previous records were given");
        }
        // an unreadable fingerprint means a full load again
        FetchResult.Changed again = (FetchResult.Changed) u.fetch(new Fingerprint("{\"version\":\"0\"}"));
        assertThat(parse(u, again, null)).extracting(Vulnerability::name).contains("CVE-2023-0049",
                "CVE-2024-24786");
    }

    @Test
    void serverFailuresAreErrors() throws IOException {
        DeltaUpdater u = updater();
        server.status("/vex/archive_latest.txt", 500);
        assertThatThrownBy(() -> u.fetch(Fingerprint.NONE)).isInstanceOf(IOException.class)
                .hasMessage("rhel-vex: GET " + server.uri("/vex/archive_latest.txt") + " returned 500");

        server.bytes("/vex/archive_latest.txt", "../../etc/passwd".getBytes(StandardCharsets.UTF_8), Validators.NONE,
                "text/plain");
        assertThatThrownBy(() -> u.fetch(Fingerprint.NONE)).hasMessageContaining("does not name a .tar.zst archive");

        server.bytes("/vex/archive_latest.txt", "csaf_vex_2099-01-01.tar.zst".getBytes(StandardCharsets.UTF_8),
                Validators.NONE, "text/plain");
        assertThatThrownBy(() -> u.fetch(Fingerprint.NONE)).isInstanceOf(IOException.class)
                .hasMessage("rhel-vex: GET " + server.uri("/vex/csaf_vex_2099-01-01.tar.zst") + " returned 404");

        server.status("/vex/changes.csv", 503);
        server.bytes("/vex/archive_latest.txt", ARCHIVE.getBytes(StandardCharsets.UTF_8), Validators.NONE,
                "text/plain");
        assertThatThrownBy(() -> u.fetch(Fingerprint.NONE))
                .hasMessage("rhel-vex: GET " + server.uri("/vex/changes.csv") + " returned 503");
        assertThat(tmp).isEmptyDirectory();
    }

    @Test
    void truncatedAndMalformedContentIsAnError() throws IOException {
        DeltaUpdater u = updater();
        byte[] real = Files.readAllBytes(TestData.path("rhel/vex/" + ARCHIVE));
        server.bytes("/vex/" + ARCHIVE, Arrays.copyOf(real, real.length / 2), Validators.NONE, "application/zstd");
        assertThatThrownBy(() -> u.fetch(Fingerprint.NONE)).isInstanceOf(IOException.class)
                .hasMessageStartingWith("rhel-vex: archive " + ARCHIVE + " unreadable");

        server.file("/vex/" + ARCHIVE, TestData.path("rhel/vex/" + ARCHIVE), Validators.NONE);
        server.bytes("/vex/2023/cve-2023-0044.json", "{\"document\": {".getBytes(StandardCharsets.UTF_8),
                Validators.NONE, "application/json");
        assertThatThrownBy(() -> u.fetch(Fingerprint.NONE))
                .hasMessageStartingWith("rhel-vex: 2023/cve-2023-0044.json is malformed JSON");

        String oldDeletion = "\"2022/cve-2022-0001.json\",\"2022-01-01T00:00:00+00:00\"\n";
        lists("\"2023/cve-2023-0044.json\" \"" + AFTER_CUT + "\"\n", oldDeletion);
        assertThatThrownBy(() -> u.fetch(Fingerprint.NONE))
                .hasMessage("rhel-vex: changes.csv line 1: want 2 fields, got 1");
        lists("\"2023/cve-2023-0044.json\",\"yesterday\"\n", oldDeletion);
        assertThatThrownBy(() -> u.fetch(Fingerprint.NONE))
                .hasMessage("rhel-vex: changes.csv line 1: bad time \"yesterday\"");
        assertThat(tmp).isEmptyDirectory();

        try (InputStream in = new java.io.ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8))) {
            assertThatThrownBy(() -> u.parse(in)).isInstanceOf(IOException.class).hasMessageStartingWith("rhel-vex: ");
        }
    }
}
