package io.clair.core.ecosystem.alpine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clair.core.plugin.PluginContext;
import io.clair.core.testing.TestData;
import io.clair.core.update.FetchResult;
import io.clair.core.update.TestHttpServer;
import io.clair.core.update.TestHttpServer.Validators;
import io.clair.core.update.Updater;
import io.clair.core.vuln.Fingerprint;
import io.clair.core.vuln.Vulnerability;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlpineUpdaterFactoryTest {
    @TempDir
    Path tmp;
    private TestHttpServer server;

    @BeforeEach
    void setUp() {
        server = TestHttpServer.start();
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    /** The release directories of the shared test data, as the secdb would list them. */
    private static List<String> testDataReleases() throws IOException {
        try (Stream<Path> s = Files.list(TestData.path("alpine/secdb"))) {
            return s.map(p -> p.getFileName().toString()).toList();
        }
    }

    /** A directory listing in the style of the secdb's web server (nginx autoindex), built from the test data. */
    private static String index(List<String> dirs) {
        StringBuilder b = new StringBuilder("<html>\r\n<head><title>Index of /</title></head>\r\n<body>\r\n"
                + "<h1>Index of /</h1><hr><pre><a href=\"../\">../</a>\r\n");
        for (String d : dirs) {
            b.append("<a href=\"").append(d).append("/\">").append(d).append("/</a>")
                    .append("                                             26-Nov-2026 06:00       -\r\n");
        }
        b.append("<a href=\"last-update\">last-update</a>                                 26-Nov-2026 06:00      11\r\n");
        return b.append("</pre><hr></body>\r\n</html>\r\n").toString();
    }

    private PluginContext ctx(Map<String, Object> alpineConfig) {
        return new PluginContext(HttpClient.newHttpClient(), Clock.systemUTC(), tmp, Map.of("alpine", alpineConfig));
    }

    private void serveTestData(List<String> releases) {
        for (String r : releases) {
            for (String repo : List.of("main", "community")) {
                server.file("/" + r + "/" + repo + ".json", TestData.path("alpine/secdb/" + r + "/" + repo + ".json"),
                        Validators.ETAG);
            }
        }
        server.file("/edge/main.json", TestData.path("alpine/secdb-excerpts/edge-main.json"), Validators.NONE);
        server.file("/edge/community.json", TestData.path("alpine/secdb-excerpts/edge-community.json"),
                Validators.NONE);
    }

    @Test
    void discoversReleasesFromTheIndexAndFetchesEachRepository() throws IOException {
        List<String> releases = testDataReleases();
        List<String> listed = new ArrayList<>(releases);
        listed.add("edge");
        server.bytes("/", index(listed).getBytes(StandardCharsets.UTF_8), Validators.NONE, "text/html");
        serveTestData(releases);

        List<Updater> updaters = new AlpineUpdaterFactory(ctx(Map.of("url", server.uri("/").toString()))).create();

        List<String> expectedNames = new ArrayList<>();
        for (String r : listed) {
            expectedNames.add("alpine-main-" + r + "-updater");
            expectedNames.add("alpine-community-" + r + "-updater");
        }
        assertThat(updaters).extracting(Updater::name).containsExactlyInAnyOrderElementsOf(expectedNames);
        // Release order is numeric, not lexical: v3.9 before v3.11, edge last.
        List<String> order = updaters.stream().map(u -> ((SecDbUpdater) u).release()).distinct().toList();
        assertThat(order.indexOf("v3.9")).isLessThan(order.indexOf("v3.11"));
        assertThat(order.get(order.size() - 1)).isEqualTo("edge");

        for (Updater u : updaters) {
            SecDbUpdater s = (SecDbUpdater) u;
            FetchResult first = u.fetch(Fingerprint.NONE);
            assertThat(first).as(u.name()).isInstanceOf(FetchResult.Changed.class);
            FetchResult.Changed changed = (FetchResult.Changed) first;
            List<Vulnerability> got;
            try (InputStream in = Files.newInputStream(changed.content())) {
                got = u.parse(in);
            }
            Path source = s.release().equals("edge") ? TestData.path("alpine/secdb-excerpts/edge-" + s.repo() + ".json")
                    : TestData.path("alpine/secdb/" + s.release() + "/" + s.repo() + ".json");
            assertThat(changed.content()).hasSameBinaryContentAs(source);
            assertThat(got).hasSameSizeAs(SecDbParserTest.parse(source, AlpineDistributions.release(s.release())));
            assertThat(got).allSatisfy(v -> {
                assertThat(v.updater()).isEqualTo(u.name());
                assertThat(v.distribution()).isEqualTo(AlpineDistributions.release(s.release()));
            });
            assertThat(u.fetch(changed.next())).as(u.name()).isInstanceOf(FetchResult.Unchanged.class);
            Files.delete(changed.content());
        }
    }

    @Test
    void realUpdaterReadsTheKnownV38Fix() throws IOException {
        serveTestData(List.of("v3.8"));
        Updater main = new AlpineUpdaterFactory(ctx(Map.of("url", server.uri("/").toString(),
                "releases", List.of("3.8"), "repos", List.of("main")))).create().get(0);
        assertThat(main.name()).isEqualTo("alpine-main-v3.8-updater");
        FetchResult.Changed r = (FetchResult.Changed) main.fetch(Fingerprint.NONE);
        try (InputStream in = Files.newInputStream(r.content())) {
            assertThat(main.parse(in)).anySatisfy(v -> {
                assertThat(v.name()).isEqualTo("CVE-2016-0682");
                assertThat(v.pkg().name()).isEqualTo("db");
                assertThat(v.fixedInVersion()).isEqualTo("0");
                assertThat(v.distribution().prettyName()).isEqualTo("Alpine Linux v3.8");
            });
        }
    }

    @Test
    void configuredReleasesSkipDiscovery() throws IOException {
        List<Updater> updaters = new AlpineUpdaterFactory(ctx(Map.of("url", server.uri("/").toString(),
                "releases", List.of("v3.9", "3.8", "edge")))).create();
        assertThat(updaters).extracting(Updater::name).containsExactly(
                "alpine-main-v3.8-updater", "alpine-community-v3.8-updater",
                "alpine-main-v3.9-updater", "alpine-community-v3.9-updater",
                "alpine-main-edge-updater", "alpine-community-edge-updater");
        assertThat(((SecDbUpdater) updaters.get(0)).uri()).isEqualTo(server.uri("/v3.8/main.json"));
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void defaultsPointAtTheRealSecdb() {
        AlpineUpdaterConfig c = ctx(Map.of()).config("alpine", AlpineUpdaterConfig.class);
        assertThat(c.url()).isEqualTo("https://secdb.alpinelinux.org/");
        assertThat(c.repos()).containsExactly("main", "community");
        assertThat(c.releases()).isEmpty();
    }

    @Test
    void badConfigurationIsRejected() {
        assertThatThrownBy(() -> new AlpineUpdaterFactory(ctx(Map.of("urls", "x"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("urls");
        assertThatThrownBy(() -> new AlpineUpdaterFactory(ctx(Map.of("releases", List.of("three")))).create())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"three\"");
    }

    @Test
    void anIndexWithoutReleasesIsAnError() {
        server.bytes("/", index(List.of()).getBytes(StandardCharsets.UTF_8), Validators.NONE, "text/html");
        AlpineUpdaterFactory f = new AlpineUpdaterFactory(ctx(Map.of("url", server.uri("/").toString())));
        assertThatThrownBy(f::create).isInstanceOf(IOException.class)
                .hasMessage("alpine: no release directories found in the index at " + server.uri("/"));
    }

    @Test
    void aFailingIndexIsAnError() {
        server.status("/", 503);
        AlpineUpdaterFactory f = new AlpineUpdaterFactory(ctx(Map.of("url", server.uri("/").toString())));
        assertThatThrownBy(f::create).isInstanceOf(IOException.class)
                .hasMessage("alpine: GET " + server.uri("/") + " returned 503");
    }

    @Test
    void indexParsingIgnoresEverythingButReleaseDirectories() {
        String html = "<a href=\"?C=N;O=D\">Name</a> <a href=\"/\">Parent</a> <a href='v3.10/'>v3.10/</a>"
                + "<a href=\"https://mirror.example/alpine/v3.2/\">v3.2</a> <A HREF=\"edge/\">edge</A>"
                + "<a href=\"v3.10/main.json\">x</a> <a href=\"v4/\">v4</a> <a href=\"last-update\">x</a>";
        assertThat(SecDbIndex.releases(html)).containsExactly("v3.2", "v3.10", "edge");
    }
}
