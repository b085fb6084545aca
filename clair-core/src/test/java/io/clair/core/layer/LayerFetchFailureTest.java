package io.clair.core.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clair.core.manifest.Digest;
import io.clair.core.manifest.LayerDescriptor;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Fetches that fail on the way (HTTP status, connection, stalls, cut-off bodies, redirects, digests, configuration):
 * each fails with a message naming the layer, the URI and the cause, and leaves nothing in the temporary area.
 */
@Timeout(120)
class LayerFetchFailureTest {
    static final HttpClient CLIENT = HttpClient.newBuilder().build();
    static byte[] alpineGz;
    static LayerServer server;

    @TempDir
    Path temp;
    @TempDir
    Path scratch;
    LayerFetcher fetcher;

    @BeforeAll
    static void setUp() throws IOException {
        alpineGz = Files.readAllBytes(LayerFetcherHttpTest.ALPINE);
        server = new LayerServer();
    }

    @AfterAll
    static void tearDown() {
        server.close();
    }

    @AfterEach
    void nothingLeftBehind() {
        assertThat(temp).isEmptyDirectory();
        if (fetcher != null) {
            assertThat(fetcher.tempBytesInUse()).isZero();
        }
    }

    @Test
    void bodyCutOffBeforeContentLength() {
        server.handler("/blobs/cut", ex -> {
            ex.sendResponseHeaders(200, alpineGz.length);
            OutputStream out = ex.getResponseBody();
            out.write(alpineGz, 0, alpineGz.length / 2);
            out.flush();
            // returning closes the exchange with half the promised bytes sent, and the connection with it
        });
        fetcher = new LayerFetcher(CLIENT, LayerOptions.defaults(temp));
        Digest d = TestArchives.sha256(alpineGz);
        assertThatThrownBy(() -> fetcher.fetch(new LayerDescriptor(d, server.uri("/blobs/cut"))))
                .isInstanceOf(LayerException.class).hasMessageStartingWith("layer " + d + ": reading the blob failed");
    }

    @Test
    void sha512DigestsAreVerifiedToo() throws IOException {
        server.blob("/blobs/sha512", alpineGz, null);
        fetcher = new LayerFetcher(CLIENT, LayerOptions.defaults(temp));
        Digest good = Digest.of("sha512", alpineGz);
        try (TarLayer layer = fetcher.fetch(new LayerDescriptor(good, server.uri("/blobs/sha512")))) {
            assertThat(layer.digest()).isEqualTo(good);
        }
        Digest bad = Digest.of("sha512", new byte[] {0});
        assertThatThrownBy(() -> fetcher.fetch(new LayerDescriptor(bad, server.uri("/blobs/sha512"))))
                .hasMessageContaining("digest mismatch: expected " + bad + " got " + good);
    }
    @Test
    void digestMismatch() {
        Digest claimed = TestArchives.sha256(new byte[] {1, 2, 3});
        server.blob("/blobs/mismatch", alpineGz, null);
        fetcher = new LayerFetcher(CLIENT, LayerOptions.defaults(temp));
        LayerDescriptor d = new LayerDescriptor(claimed, server.uri("/blobs/mismatch"));
        assertThatThrownBy(() -> fetcher.fetch(d)).isInstanceOf(LayerException.class)
                .hasMessageStartingWith("layer " + claimed + ": digest mismatch: expected " + claimed + " got "
                        + TestArchives.sha256(alpineGz));
    }

    @ParameterizedTest
    @ValueSource(ints = {401, 404, 500})
    void httpErrorStatus(int status) {
        server.status("/blobs/status" + status, status, "{\"errors\":[{\"code\":\"BLOB_UNKNOWN\"}]}");
        fetcher = new LayerFetcher(CLIENT, LayerOptions.defaults(temp));
        Digest d = TestArchives.sha256(alpineGz);
        URI uri = server.uri("/blobs/status" + status);
        assertThatThrownBy(() -> fetcher.fetch(new LayerDescriptor(d, uri))).isInstanceOf(LayerException.class)
                .hasMessageStartingWith("layer " + d + ": GET " + uri + " returned " + status)
                .hasMessageContaining("BLOB_UNKNOWN");
    }

    @Test
    void connectionRefused() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        fetcher = new LayerFetcher(CLIENT, LayerOptions.defaults(temp));
        URI uri = URI.create("http://127.0.0.1:" + port + "/blobs/gone");
        assertThatThrownBy(() -> fetcher.fetch(new LayerDescriptor(TestArchives.sha256(alpineGz), uri)))
                .isInstanceOf(LayerException.class).hasMessageContaining("GET " + uri + ": connection refused");
    }

    @Test
    void stalledBodyTimesOut() {
        server.handler("/blobs/stall", ex -> {
            ex.sendResponseHeaders(200, alpineGz.length);
            OutputStream out = ex.getResponseBody();
            out.write(alpineGz, 0, 100_000);
            out.flush();
            try {
                Thread.sleep(20_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        fetcher = new LayerFetcher(CLIENT, LayerOptions.defaults(temp).withRequestTimeout(Duration.ofSeconds(2)));
        assertThatThrownBy(() -> fetcher.fetch(new LayerDescriptor(TestArchives.sha256(alpineGz),
                server.uri("/blobs/stall")))).isInstanceOf(LayerException.class)
                .hasMessageContaining("no data for 2 s while reading the response body");
    }

    @Test
    void redirectToFileSchemeIsRefused() {
        server.redirect("/blobs/to-file", 302, URI.create("file:///etc/passwd"));
        fetcher = new LayerFetcher(CLIENT, LayerOptions.defaults(temp));
        assertThatThrownBy(() -> fetcher.fetch(new LayerDescriptor(TestArchives.sha256(alpineGz),
                server.uri("/blobs/to-file")))).hasMessageContaining("redirected to unsupported scheme \"file\"");
    }

    @Test
    void declaredGzipThatIsNot() {
        byte[] tar = TestArchives.tar(TestArchives.file("etc/a", "a"));
        server.blob("/blobs/not-gzip", tar, "application/vnd.docker.image.rootfs.diff.tar.gzip");
        fetcher = new LayerFetcher(CLIENT, LayerOptions.defaults(temp));
        assertThatThrownBy(() -> fetcher.fetch(new LayerDescriptor(TestArchives.sha256(tar),
                server.uri("/blobs/not-gzip")))).hasMessageContaining("does not start with its magic bytes");
    }

    @Test
    void fileUrisCanBeTurnedOff() throws IOException {
        Path blob = Files.write(scratch.resolve("off.tar"), TestArchives.tar(TestArchives.file("a", "a")));
        fetcher = new LayerFetcher(CLIENT, LayerOptions.defaults(temp).withAllowFileUris(false));
        assertThatThrownBy(() -> fetcher.fetch(new LayerDescriptor(TestArchives.sha256(blob), blob.toUri())))
                .hasMessageContaining("file: URIs are turned off");
    }
}
