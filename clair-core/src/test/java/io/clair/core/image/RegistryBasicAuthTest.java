package io.clair.core.image;

import static io.clair.core.image.ImageFixtures.sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clair.core.manifest.LayerDescriptor;
import io.clair.core.testing.LocalRegistry;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTP Basic auth for real: docker-registry with a bcrypt htpasswd file; credentials from a Docker config. */
class RegistryBasicAuthTest {
    @TempDir
    static Path tmp;
    static LocalRegistry registry;
    static final HttpClient HTTP = ImageResolver.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        ImageFixtures.Layout layout = ImageFixtures.layout(tmp.resolve("layout"));
        registry = LocalRegistry.builder().htpasswd("bob", "builder").start();
        registry.push(layout.dir(), "3.20", "test/alpine:1", LocalRegistry.Format.V2S2);
    }

    @AfterAll
    static void stop() throws IOException {
        if (registry != null) {
            registry.close();
        }
    }

    @Test
    void dockerConfigCredentialsAreSentAsBasicAndHandedToTheLayers() throws Exception {
        String basic = "Basic " + b64("bob:builder");
        // keys as old Docker clients wrote them, with scheme and path, still match the host
        ImageResolver resolver = ImageResolver.builder(HTTP).dockerConfig(config("http://" + registry.host()
                + "/v2/", b64("bob:builder"))).build();
        try (ResolvedImage image = resolver.resolve(registry.reference("test/alpine:1"))) {
            assertThat(image.manifest().hash().toString()).isEqualTo(sha256(registry.inspectRaw("test/alpine:1")));
            LayerDescriptor layer = image.manifest().layers().get(0);
            assertThat(layer.headers()).containsEntry("Authorization", List.of(basic));
            assertThat(ImageFixtures.fetchedDigest(layer, HTTP)).isEqualTo(layer.hash().toString());
        }
    }

    @Test
    void wrongPasswordIsRejectedNamingTheUser() {
        ImageResolver resolver = ImageResolver.builder(HTTP)
                .credentials(registry.host(), RegistryCredentials.basic("bob", "wrecker")).build();
        assertThatThrownBy(() -> resolver.resolve(registry.reference("test/alpine:1")))
                .isInstanceOf(IOException.class)
                .hasMessage("registry: " + registry.host() + " rejected the credentials of user bob for test/alpine"
                        + " (401 UNAUTHORIZED: authentication required)");
    }

    @Test
    void missingCredentialsAreSaidSo() {
        assertThatThrownBy(() -> ImageResolver.builder(HTTP).build().resolve(registry.reference("test/alpine:1")))
                .isInstanceOf(IOException.class)
                .hasMessage("registry: " + registry.host() + " requires a user name and password (Basic auth) for "
                        + registry.reference("test/alpine:1") + ", and none are configured for " + registry.host());
    }

    private static DockerConfig config(String key, String auth) throws IOException {
        Path file = Files.createTempFile(tmp, "config", ".json");
        Files.writeString(file, "{\"auths\":{\"" + key + "\":{\"auth\":\"" + auth + "\"}}}");
        return DockerConfig.load(file);
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
