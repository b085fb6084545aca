package io.clair.core.image;

import static io.clair.core.image.ImageFixtures.sha256;
import static org.assertj.core.api.Assertions.assertThat;

import io.clair.core.manifest.LayerDescriptor;
import io.clair.core.testing.LocalRegistry;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Blob redirects for real: docker-registry's {@code redirect} storage middleware answers blob GETs with a 307 to
 * another host, as S3-backed registries do. The layer URI must be the final URL, without the registry's
 * credentials.
 */
class RegistryRedirectTest {
    @TempDir
    static Path tmp;
    static LocalRegistry registry;
    static final HttpClient HTTP = ImageResolver.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        ImageFixtures.Layout layout = ImageFixtures.layout(tmp.resolve("layout"));
        registry = LocalRegistry.builder().htpasswd("bob", "builder").redirectBlobs().start();
        registry.push(layout.dir(), "3.20", "test/alpine:1", LocalRegistry.Format.OCI);
    }

    @AfterAll
    static void stop() throws IOException {
        if (registry != null) {
            registry.close();
        }
    }

    @Test
    void layerUriIsTheRedirectTargetAndCarriesNoCredentials() throws Exception {
        ImageResolver resolver = ImageResolver.builder(HTTP)
                .credentials(registry.host(), RegistryCredentials.basic("bob", "builder")).build();
        try (ResolvedImage image = resolver.resolve(registry.reference("test/alpine:1"))) {
            assertThat(image.manifest().hash().toString()).isEqualTo(sha256(registry.inspectRaw("test/alpine:1")));
            LayerDescriptor layer = image.manifest().layers().get(0);
            String hex = layer.hash().hex();
            assertThat(layer.uri().getHost()).isEqualTo("localhost");
            assertThat(layer.uri().getPath())
                    .isEqualTo("/docker/registry/v2/blobs/sha256/" + hex.substring(0, 2) + "/" + hex + "/data");
            assertThat(layer.headers()).isEmpty();
            assertThat(ImageFixtures.fetchedDigest(layer, HTTP)).isEqualTo(layer.hash().toString());
        }
        assertThat(registry.blobRequests()).isNotEmpty().allMatch(r -> r.endsWith("authorization=false"));
    }
}
