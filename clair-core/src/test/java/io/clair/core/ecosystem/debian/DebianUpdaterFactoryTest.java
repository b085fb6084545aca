package io.clair.core.ecosystem.debian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clair.core.plugin.PluginContext;
import io.clair.core.testing.TestData;
import io.clair.core.update.FetchResult;
import io.clair.core.update.TestHttpServer;
import io.clair.core.update.TestHttpServer.Validators;
import io.clair.core.update.Updater;
import io.clair.core.vuln.Fingerprint;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DebianUpdaterFactoryTest {
    private static final Path TRACKER = TestData.path("debian/tracker/debian.json");

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

    private Updater updater(String jsonUrl) {
        PluginContext ctx = new PluginContext(HttpClient.newHttpClient(), Clock.systemUTC(), tmp,
                Map.of("debian", Map.of("json_url", jsonUrl)));
        List<Updater> all = new DebianUpdaterFactory(ctx).create();
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    @Test
    void fetchesParsesAndThenSeesTheTrackerUnchanged() throws IOException {
        server.file("/tracker/data/json", TRACKER, Validators.LAST_MODIFIED);
        Updater u = updater(server.uri("/tracker/data/json").toString());
        assertThat(u.name()).isEqualTo("debian/updater");

        FetchResult.Changed first = (FetchResult.Changed) u.fetch(Fingerprint.NONE);
        try (InputStream in = Files.newInputStream(first.content())) {
            assertThat(u.parse(in)).hasSameSizeAs(TrackerParserTest.parse(TRACKER)).isNotEmpty();
        }
        assertThat(u.fetch(first.next())).isInstanceOf(FetchResult.Unchanged.class);
        assertThat(server.requests("/tracker/data/json").get(1).header("If-Modified-Since")).isNotNull();
    }

    @Test
    void serverErrorsNameTheRequest() {
        server.status("/tracker/data/json", 502);
        URI uri = server.uri("/tracker/data/json");
        Updater u = updater(uri.toString());
        assertThatThrownBy(() -> u.fetch(Fingerprint.NONE)).isInstanceOf(IOException.class)
                .hasMessage("debian: GET " + uri + " returned 502");
    }

    @Test
    void malformedBodiesFailInParse() throws IOException {
        byte[] real = Files.readAllBytes(TRACKER);
        server.bytes("/json", java.util.Arrays.copyOf(real, real.length - 10), Validators.ETAG, "application/json");
        Updater u = updater(server.uri("/json").toString());
        FetchResult.Changed r = (FetchResult.Changed) u.fetch(Fingerprint.NONE);
        assertThatThrownBy(() -> {
            try (InputStream in = Files.newInputStream(r.content())) {
                u.parse(in);
            }
        }).isInstanceOf(IOException.class).hasMessageStartingWith("debian: malformed tracker JSON");
    }

    @Test
    void clairKeysAreAcceptedAndRetiredOvalKeysRejected() {
        PluginContext ok = new PluginContext(HttpClient.newHttpClient(), Clock.systemUTC(), tmp,
                Map.of("debian", Map.of("mirror_url", "https://deb.debian.org/", "json_url", "https://m.example/json")));
        assertThat(((DebianTrackerUpdater) new DebianUpdaterFactory(ok).create().get(0)).uri())
                .hasToString("https://m.example/json");
        PluginContext retired = new PluginContext(HttpClient.newHttpClient(), Clock.systemUTC(), tmp,
                Map.of("debian", Map.of("dists_url", "https://deb.debian.org/debian/dists/")));
        assertThatThrownBy(() -> new DebianUpdaterFactory(retired)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dists_url");
    }

    @Test
    void defaultsToTheRealTracker() {
        PluginContext ctx = new PluginContext(HttpClient.newHttpClient(), Clock.systemUTC(), tmp, Map.of());
        DebianTrackerUpdater u = (DebianTrackerUpdater) new DebianUpdaterFactory(ctx).create().get(0);
        assertThat(u.uri()).hasToString("https://security-tracker.debian.org/tracker/data/json");
    }
}
