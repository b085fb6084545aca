package io.clair.core.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clair.core.manifest.Digest;
import io.clair.core.manifest.LayerDescriptor;
import io.clair.core.testing.TestData;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fetches the real Alpine minirootfs over local HTTP in every encoding a registry may serve, and checks the
 * resulting layer against GNU tar's own listing and extraction.
 */
@Timeout(120)
class LayerFetcherHttpTest {
    static final Path ALPINE = TestData.path("alpine/alpine-minirootfs-3.20.3-x86_64.tar.gz");
    static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    static byte[] gz;
    static byte[] tar;
    static byte[] zst;
    static List<TarOracle.Listed> oracle;
    static LayerServer server;

    @TempDir
    Path temp;

    @BeforeAll
    static void setUp() throws IOException {
        gz = Files.readAllBytes(ALPINE);
        tar = TestArchives.gunzip(ALPINE);
        zst = TestArchives.zstd(tar);
        oracle = TarOracle.list(ALPINE);
        server = new LayerServer();
    }

    @AfterAll
    static void tearDown() {
        server.close();
    }

    static Stream<Arguments> encodings() {
        List<Arguments> out = new ArrayList<>();
        String[] gzipTypes = {"application/vnd.docker.image.rootfs.diff.tar.gzip", "application/gzip",
            "application/x-gzip", "application/vnd.oci.image.layer.v1.tar+gzip", "application/octet-stream", null};
        for (String t : gzipTypes) {
            out.add(Arguments.of("gzip", t));
        }
        for (String t : new String[] {"application/zstd", "application/vnd.oci.image.layer.v1.tar+zstd",
            "application/octet-stream", null}) {
            out.add(Arguments.of("zstd", t));
        }
        for (String t : new String[] {"application/vnd.oci.image.layer.v1.tar", "application/x-tar", null}) {
            out.add(Arguments.of("none", t));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("encodings")
    void fetchesAlpineInEveryEncoding(String encoding, String contentType) throws IOException {
        byte[] blob = switch (encoding) {
            case "gzip" -> gz;
            case "zstd" -> zst;
            default -> tar;
        };
        String path = "/v2/alpine/blobs/" + encoding + "/" + (contentType == null ? "none" : contentType.hashCode());
        server.blob(path, blob, contentType);
        LayerDescriptor d = new LayerDescriptor(TestArchives.sha256(blob), server.uri(path));
        try (TarLayer layer = fetcher().fetch(d)) {
            assertMatchesOracle(layer);
            assertThat(readAll(layer, "lib/apk/db/installed"))
                    .isEqualTo(TarOracle.extract(ALPINE, "./lib/apk/db/installed"));
            assertThat(layer.tarBytes()).isEqualTo(tar.length);
        }
        assertThat(temp).isEmptyDirectory();
    }

    @Test
    void fetchesThroughCrossHostRedirectWithoutCredentials() throws IOException {
        try (LayerServer storage = new LayerServer()) {
            URI signed = storage.uri("/bucket/alpine");
            storage.blob("/bucket/alpine", gz, "application/octet-stream");
            server.redirect("/v2/alpine/blobs/redirected", 307, URI.create(signed + "?X-Amz-Signature=secret"));
            LayerDescriptor d = new LayerDescriptor(TestArchives.sha256(gz), server.uri("/v2/alpine/blobs/redirected"),
                    Map.of("Authorization", List.of("Bearer registry-token")), null);
            try (TarLayer layer = fetcher().fetch(d)) {
                assertMatchesOracle(layer);
            }
            assertThat(server.seen()).contains(new LayerServer.Seen("/v2/alpine/blobs/redirected",
                    "Bearer registry-token"));
            assertThat(storage.seen()).containsExactly(new LayerServer.Seen("/bucket/alpine", null));
        }
    }

    @Test
    void keepsCredentialsOnSameHostRedirect() throws IOException {
        server.blob("/v2/alpine/blobs/real", gz, null);
        server.redirect("/v2/alpine/blobs/moved", 302, URI.create("/v2/alpine/blobs/real"));
        LayerDescriptor d = new LayerDescriptor(TestArchives.sha256(gz), server.uri("/v2/alpine/blobs/moved"),
                Map.of("Authorization", List.of("Bearer same-host")), null);
        try (TarLayer layer = fetcher().fetch(d)) {
            assertThat(layer.exists("lib/apk/db/installed")).isTrue();
        }
        assertThat(server.seen()).contains(new LayerServer.Seen("/v2/alpine/blobs/real", "Bearer same-host"));
    }

    @Test
    void fetchesFileUri() throws IOException {
        LayerDescriptor d = new LayerDescriptor(TestArchives.sha256(gz), ALPINE.toUri());
        try (TarLayer layer = fetcher().fetch(d)) {
            assertMatchesOracle(layer);
        }
        assertThat(temp).isEmptyDirectory();
    }

    @Test
    void fetchesDebianJessieLayer() throws IOException {
        Path jessie = TestData.path("debian/layers/jessie.tar.gz");
        server.blob("/v2/debian/blobs/jessie", Files.readAllBytes(jessie), "application/x-gzip");
        LayerDescriptor d = new LayerDescriptor(TestArchives.sha256(jessie), server.uri("/v2/debian/blobs/jessie"));
        try (TarLayer layer = fetcher().fetch(d)) {
            assertThat(listing(layer)).containsExactlyElementsOf(expected(TarOracle.list(jessie)));
            assertThat(readAll(layer, "/var/lib/dpkg/status"))
                    .isEqualTo(TarOracle.extract(jessie, "./var/lib/dpkg/status"));
            assertThat(readAll(layer, "etc/os-release")).isEqualTo(TarOracle.extract(jessie, "./etc/os-release"));
        }
    }

    @Test
    void reportsProgressUpToContentLength() throws IOException {
        List<long[]> progress = new ArrayList<>();
        long[] started = {0};
        long[] finished = {0, 0, 0};
        LayerListener listener = new LayerListener() {
            @Override
            public void started(Digest layer, URI uri, long totalBytes) {
                started[0] = totalBytes;
            }

            @Override
            public void progress(Digest layer, long bytesRead, long totalBytes) {
                progress.add(new long[] {bytesRead, totalBytes});
            }

            @Override
            public void finished(Digest layer, long compressed, long decompressed, long entries, long nanos) {
                finished[0] = compressed;
                finished[1] = decompressed;
                finished[2] = entries;
            }
        };
        server.blob("/v2/alpine/blobs/progress", gz, null);
        LayerDescriptor d = new LayerDescriptor(TestArchives.sha256(gz), server.uri("/v2/alpine/blobs/progress"));
        LayerFetcher f = new LayerFetcher(CLIENT, LayerOptions.defaults(temp), listener);
        try (TarLayer layer = f.fetch(d)) {
            assertThat(layer.size()).isEqualTo(oracle.size() - 1);
        }
        assertThat(started[0]).isEqualTo(gz.length);
        assertThat(progress).isNotEmpty();
        assertThat(progress.get(progress.size() - 1)).containsExactly(gz.length, gz.length);
        assertThat(progress).extracting(p -> p[0]).isSorted();
        assertThat(finished).containsExactly(gz.length, tar.length, oracle.size());
        assertThat(f.tempBytesInUse()).isZero();
    }

    @Test
    void refusesClientThatFollowsRedirectsItself() {
        HttpClient following = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
        assertThatThrownBy(() -> new LayerFetcher(following, LayerOptions.defaults(temp)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Redirect.NEVER");
    }

    /** Paths, types, sizes and link targets as our layer lists them, in the oracle's terms. */
    static List<TarOracle.Listed> listing(Layer layer) {
        return layer.entries().map(e -> new TarOracle.Listed(e.path(), switch (e.type()) {
            case FILE -> '-';
            case DIRECTORY -> 'd';
            case SYMLINK -> 'l';
            case HARDLINK -> 'h';
            case OTHER -> '?';
        }, e.size(), e.linkTarget())).toList();
    }

    /** The oracle's listing normalized as {@link Layer} paths are: no {@code ./}, no root entry. */
    static List<TarOracle.Listed> expected(List<TarOracle.Listed> listed) {
        return listed.stream().map(l -> new TarOracle.Listed(Layer.normalize(l.path()), l.type(), l.size(),
                l.link())).filter(l -> !l.path().isEmpty()).toList();
    }

    static void assertMatchesOracle(TarLayer layer) {
        assertThat(listing(layer)).containsExactlyElementsOf(expected(oracle));
        assertThat(layer.whiteouts()).isEmpty();
    }

    static byte[] readAll(Layer layer, String path) throws IOException {
        try (InputStream in = layer.open(path)) {
            return in.readAllBytes();
        }
    }

    private LayerFetcher fetcher() {
        return new LayerFetcher(CLIENT, LayerOptions.defaults(temp));
    }
}
