package io.clair.core.image;

import static io.clair.core.image.ImageFixtures.each;
import static io.clair.core.image.ImageFixtures.hashes;
import static io.clair.core.image.ImageFixtures.json;
import static io.clair.core.image.ImageFixtures.mediaTypes;
import static io.clair.core.image.ImageFixtures.sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.clair.core.manifest.LayerDescriptor;
import io.clair.core.testing.LocalRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Resolves images in a real docker-registry, pushed by skopeo as OCI and as Docker schema 2, single-platform and as
 * an index / manifest list; skopeo reading the same registry is the oracle.
 */
class RegistrySourceTest {
    @TempDir
    static Path tmp;
    static LocalRegistry registry;
    static final HttpClient HTTP = ImageResolver.newHttpClient();

    @BeforeAll
    static void pushImages() throws Exception {
        ImageFixtures.Layout layout = ImageFixtures.layout(tmp.resolve("layout"));
        registry = LocalRegistry.start();
        registry.push(layout.dir(), "3.20", "test/alpine:oci", LocalRegistry.Format.OCI);
        registry.push(layout.dir(), "3.20", "test/alpine:v2s2", LocalRegistry.Format.V2S2);
        registry.push(layout.dir(), "multi", "test/multi:oci", LocalRegistry.Format.OCI);
        registry.push(layout.dir(), "multi", "test/multi:v2s2", LocalRegistry.Format.V2S2);
    }

    @AfterAll
    static void stop() throws IOException {
        if (registry != null) {
            registry.close();
        }
    }

    @ParameterizedTest
    @CsvSource({
        "oci,  application/vnd.oci.image.manifest.v1+json,            application/vnd.oci.image.layer.v1.tar+gzip",
        "v2s2, application/vnd.docker.distribution.manifest.v2+json, application/vnd.docker.image.rootfs.diff.tar.gzip"
    })
    void singleImageMatchesSkopeo(String tag, String manifestType, String layerType) throws Exception {
        String name = "test/alpine:" + tag;
        byte[] raw = registry.inspectRaw(name);
        JsonNode oracle = json(raw);
        JsonNode inspected = json(registry.inspect(name).getBytes());
        assertThat(oracle.path("mediaType").asText()).isEqualTo(manifestType);

        try (ResolvedImage image = resolver().build().resolve(registry.reference(name))) {
            assertThat(image.reference()).isEqualTo(registry.reference(name));
            assertThat(image.manifest().hash().toString()).isEqualTo(sha256(raw))
                    .isEqualTo(inspected.path("Digest").asText());
            List<LayerDescriptor> layers = image.manifest().layers();
            assertThat(hashes(layers)).isEqualTo(each(oracle.path("layers"), "digest"))
                    .isEqualTo(ImageFixtures.texts(inspected.path("Layers")))
                    .hasSize(1);
            assertThat(mediaTypes(layers)).isEqualTo(each(oracle.path("layers"), "mediaType"))
                    .containsOnly(layerType);
            for (LayerDescriptor l : layers) {
                assertThat(l.uri()).hasToString(registry.url() + "/v2/test/alpine/blobs/" + l.hash());
                assertThat(l.headers()).isEmpty(); // anonymous registry: nothing to send
                assertThat(ImageFixtures.fetchedDigest(l, HTTP)).isEqualTo(l.hash().toString());
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"oci, linux/amd64", "oci, linux/arm64/v8", "oci, linux/arm64", "v2s2, linux/amd64",
        "v2s2, linux/arm64/v8"})
    void indexResolvesToThePlatformImageSkopeoPicks(String tag, String platform) throws Exception {
        String name = "test/multi:" + tag;
        Platform p = Platform.parse(platform);
        Path copied = tmp.resolve("dir-" + tag + "-" + platform.replace('/', '-'));
        List<String> override = new ArrayList<>(List.of("--override-os", p.os(), "--override-arch",
                p.architecture()));
        if (p.variant() != null) {
            override.addAll(List.of("--override-variant", p.variant()));
        }
        // skopeo copies the platform image's manifest to dir: byte for byte
        registry.copyOut(name, "dir:" + copied, override.toArray(String[]::new));
        byte[] platformManifest = Files.readAllBytes(copied.resolve("manifest.json"));
        String listType = json(registry.inspectRaw(name)).path("mediaType").asText();

        try (ResolvedImage image = resolver().platform(p).build().resolve(registry.reference(name))) {
            assertThat(listType).isEqualTo(tag.equals("oci") ? MediaTypes.OCI_INDEX : MediaTypes.DOCKER_LIST);
            assertThat(image.manifest().hash().toString()).isEqualTo(sha256(platformManifest))
                    .isNotEqualTo(sha256(registry.inspectRaw(name)));
            assertThat(hashes(image.manifest().layers()))
                    .isEqualTo(each(json(platformManifest).path("layers"), "digest"));
            assertThat(ImageFixtures.fetchedDigest(image.manifest().layers().get(0), HTTP))
                    .isEqualTo(image.manifest().layers().get(0).hash().toString());
        }
    }

    @Test
    void resolvesByDigest() throws Exception {
        String digest = sha256(registry.inspectRaw("test/alpine:oci"));
        try (ResolvedImage image = resolver().build().resolve(registry.reference("test/alpine@" + digest))) {
            assertThat(image.manifest().hash().toString()).isEqualTo(digest);
            assertThat(image.reference()).endsWith("/test/alpine@" + digest);
        }
    }

    @Test
    void platformMissingFromTheIndexNamesTheAvailableOnes() {
        assertThatThrownBy(() -> resolver().platform(Platform.parse("linux/s390x")).build()
                .resolve(registry.reference("test/multi:oci")))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("registry: " + registry.reference("test/multi:oci"))
                .hasMessageContaining("no image for platform linux/s390x")
                .hasMessageContaining("linux/amd64, linux/arm64/v8");
    }

    @Test
    void unknownTagIsANotFoundNamingTheReference() {
        assertThatThrownBy(() -> resolver().build().resolve(registry.reference("test/alpine:nope")))
                .isInstanceOf(IOException.class)
                .hasMessage("registry: " + registry.reference("test/alpine:nope")
                        + " not found (404 MANIFEST_UNKNOWN: manifest unknown)");
    }

    @Test
    void unknownRepositoryIsANotFound() {
        // distribution 2.8 answers MANIFEST_UNKNOWN, not NAME_UNKNOWN, for a repository it has never seen
        assertThatThrownBy(() -> resolver().build().resolve(registry.reference("test/missing:1")))
                .isInstanceOf(IOException.class)
                .hasMessage("registry: " + registry.reference("test/missing:1")
                        + " not found (404 MANIFEST_UNKNOWN: manifest unknown)");
    }

    @Test
    void connectionRefusedNamesTheRegistry() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        assertThatThrownBy(() -> resolver().build().resolve("127.0.0.1:" + closedPort + "/test/alpine:oci"))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("registry: cannot connect to 127.0.0.1:" + closedPort + " for 127.0.0.1:"
                        + closedPort + "/test/alpine:oci")
                .hasMessageEndingWith("connection refused");
    }

    @Test
    void unknownHostIsSaidSo() {
        // .invalid never resolves (RFC 2606)
        assertThatThrownBy(() -> resolver().insecure("registry.invalid:5000").build()
                .resolve("registry.invalid:5000/test/alpine:1"))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("registry: unknown host registry.invalid");
    }

    @Test
    void refusesAClientThatFollowsRedirects() {
        HttpClient following = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
        assertThatThrownBy(() -> ImageResolver.builder(following))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must not follow redirects");
    }

    private static ImageResolver.Builder resolver() {
        return ImageResolver.builder(HTTP);
    }
}
