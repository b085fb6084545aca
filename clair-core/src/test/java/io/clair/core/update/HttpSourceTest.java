package io.clair.core.update;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clair.core.plugin.PluginContext;
import io.clair.core.testing.TestData;
import io.clair.core.update.TestHttpServer.Validators;
import io.clair.core.vuln.Fingerprint;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpSourceTest {
    private static final Path FEED = TestData.path("alpine/secdb/v3.8/main.json");
    private static final Path OTHER_FEED = TestData.path("alpine/secdb/v3.9/main.json");

    @TempDir
    Path tmp;
    private TestHttpServer server;
    private HttpSource source;

    @BeforeEach
    void setUp() {
        server = TestHttpServer.start();
        source = new HttpSource(new PluginContext(HttpClient.newHttpClient(), Clock.systemUTC(), tmp, Map.of()),
                "alpine");
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    @Test
    void etagMakesTheSecondFetchConditional() throws IOException {
        server.file("/feed.json", FEED, Validators.ETAG);
        FetchResult.Changed first = changed(source.fetch("u", server.uri("/feed.json"), Fingerprint.NONE));
        assertThat(first.content()).hasSameBinaryContentAs(FEED);
        assertThat(first.content().getParent()).isEqualTo(tmp);
        String etag = HttpFingerprint.decode(first.next()).etag();
        assertThat(etag).isNotEmpty();

        assertThat(source.fetch("u", server.uri("/feed.json"), first.next())).isInstanceOf(FetchResult.Unchanged.class);
        assertThat(server.requests("/feed.json")).hasSize(2);
        assertThat(server.requests("/feed.json").get(1).header("If-None-Match")).isEqualTo(etag);
    }

    @Test
    void lastModifiedMakesTheSecondFetchConditional() throws IOException {
        server.file("/feed.json", FEED, Validators.LAST_MODIFIED);
        FetchResult.Changed first = changed(source.fetch("u", server.uri("/feed.json"), Fingerprint.NONE));
        assertThat(HttpFingerprint.decode(first.next()).lastModified()).isEqualTo(TestHttpServer.LAST_MODIFIED);

        assertThat(source.fetch("u", server.uri("/feed.json"), first.next())).isInstanceOf(FetchResult.Unchanged.class);
        assertThat(server.requests("/feed.json").get(1).header("If-Modified-Since"))
                .isEqualTo(TestHttpServer.LAST_MODIFIED);
    }

    @Test
    void withoutValidatorsTheContentHashDecides() throws IOException {
        server.file("/feed.json", FEED, Validators.NONE);
        FetchResult.Changed first = changed(source.fetch("u", server.uri("/feed.json"), Fingerprint.NONE));
        HttpFingerprint fp = HttpFingerprint.decode(first.next());
        assertThat(fp.etag()).isEmpty();
        assertThat(fp.lastModified()).isEmpty();
        assertThat(fp.sha256()).isEqualTo(TestHttpServer.sha256(Files.readAllBytes(FEED)));

        // Same bytes again: unchanged, and the second download does not linger in the temp dir.
        assertThat(source.fetch("u", server.uri("/feed.json"), first.next())).isInstanceOf(FetchResult.Unchanged.class);
        assertThat(server.requests("/feed.json").get(1).header("If-None-Match")).isNull();
        assertThat(filesIn(tmp)).containsExactly(first.content());

        // New bytes: changed, with the new hash.
        server.file("/feed.json", OTHER_FEED, Validators.NONE);
        FetchResult.Changed second = changed(source.fetch("u", server.uri("/feed.json"), first.next()));
        assertThat(second.content()).hasSameBinaryContentAs(OTHER_FEED);
        assertThat(HttpFingerprint.decode(second.next()).sha256())
                .isEqualTo(TestHttpServer.sha256(Files.readAllBytes(OTHER_FEED)));
    }

    @Test
    void aForeignFingerprintMeansAnUnconditionalDownload() throws IOException {
        server.file("/feed.json", FEED, Validators.ETAG);
        FetchResult r = source.fetch("u", server.uri("/feed.json"), new Fingerprint("Tue, 15 Nov 1994 08:12:31 GMT"));
        assertThat(r).isInstanceOf(FetchResult.Changed.class);
        assertThat(server.requests("/feed.json").get(0).header("If-None-Match")).isNull();
    }

    @Test
    void serverErrorsAreReportedWithTheRequest() {
        server.status("/feed.json", 500);
        URI uri = server.uri("/feed.json");
        assertThatThrownBy(() -> source.fetch("u", uri, Fingerprint.NONE))
                .isInstanceOf(IOException.class).hasMessage("alpine: GET " + uri + " returned 500");
        assertThat(filesIn(tmp)).isEmpty();
    }

    @Test
    void notFoundIsAnError() {
        URI uri = server.uri("/missing.json");
        assertThatThrownBy(() -> source.fetch("u", uri, Fingerprint.NONE))
                .isInstanceOf(IOException.class).hasMessage("alpine: GET " + uri + " returned 404");
    }

    @Test
    void connectionRefusedIsAnError() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        URI uri = URI.create("http://127.0.0.1:" + port + "/feed.json");
        assertThatThrownBy(() -> source.fetch("u", uri, Fingerprint.NONE))
                .isInstanceOf(IOException.class).hasMessageStartingWith("alpine: GET " + uri + " failed: ")
                .hasMessageContaining("Connect");
    }

    @Test
    void aTruncatedBodyIsAnErrorAndLeavesNothingBehind() throws IOException {
        byte[] real = Files.readAllBytes(FEED);
        byte[] half = java.util.Arrays.copyOf(real, real.length / 2);
        try (RawHttpServer raw = RawHttpServer.truncating(half, real.length)) {
            URI uri = raw.uri("/feed.json");
            assertThatThrownBy(() -> source.fetch("u", uri, Fingerprint.NONE))
                    .isInstanceOf(IOException.class).hasMessageStartingWith("alpine: GET " + uri + " body truncated");
        }
        assertThat(filesIn(tmp)).isEmpty();
    }

    @Test
    void aServerThatNeverAnswersTimesOut() {
        try (RawHttpServer raw = RawHttpServer.silent()) {
            URI uri = raw.uri("/feed.json");
            HttpSource impatient = source.withTimeout(Duration.ofMillis(500));
            assertThatThrownBy(() -> impatient.fetch("u", uri, Fingerprint.NONE))
                    .isInstanceOf(IOException.class).hasMessage("alpine: GET " + uri + " timed out after PT0.5S");
        }
    }

    @Test
    void anEmptyBodyIsAnError() {
        server.bytes("/feed.json", new byte[0], Validators.NONE, "application/json");
        URI uri = server.uri("/feed.json");
        assertThatThrownBy(() -> source.fetch("u", uri, Fingerprint.NONE))
                .isInstanceOf(IOException.class).hasMessage("alpine: GET " + uri + " returned an empty body");
        assertThat(filesIn(tmp)).isEmpty();
    }

    @Test
    void fetchTextReadsSmallResourcesAndBoundsThem() throws IOException {
        server.file("/feed.json", FEED, Validators.NONE);
        assertThat(source.fetchText(server.uri("/feed.json"), 1 << 20)).isEqualTo(Files.readString(FEED));
        URI uri = server.uri("/feed.json");
        assertThatThrownBy(() -> source.fetchText(uri, 100))
                .isInstanceOf(IOException.class).hasMessage("alpine: GET " + uri + " body is larger than 100 bytes");
    }

    @Test
    void fingerprintsRoundTripAndIgnoreForeignValues() {
        HttpFingerprint fp = new HttpFingerprint("W/\"a;b\"", "Tue, 15 Nov 1994 08:12:31 GMT", "00ff");
        assertThat(HttpFingerprint.decode(fp.encode())).isEqualTo(fp);
        assertThat(HttpFingerprint.decode(Fingerprint.NONE)).isEqualTo(HttpFingerprint.NONE);
        assertThat(HttpFingerprint.decode(new Fingerprint("{not json"))).isEqualTo(HttpFingerprint.NONE);
    }

    private static FetchResult.Changed changed(FetchResult r) {
        assertThat(r).isInstanceOf(FetchResult.Changed.class);
        return (FetchResult.Changed) r;
    }

    private static java.util.List<Path> filesIn(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
