package io.clair.core.image;

import static io.clair.core.image.ImageFixtures.sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clair.core.manifest.LayerDescriptor;
import io.clair.core.testing.LocalRegistry;
import io.clair.core.testing.RegistryTokenServer;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Docker token flow for real: docker-registry with {@code auth: token} answers 401 with a Bearer challenge,
 * our client gets a JWT from {@link RegistryTokenServer} (anonymous, with a password, or with an identity token)
 * and the registry verifies its signature against the token server's certificate.
 */
class RegistryTokenAuthTest {
    @TempDir
    static Path tmp;
    static RegistryTokenServer tokens;
    static LocalRegistry registry;
    static final HttpClient HTTP = ImageResolver.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        ImageFixtures.Layout layout = ImageFixtures.layout(tmp.resolve("layout"));
        tokens = RegistryTokenServer.start(tmp).user("alice", "wonderland").refreshToken("id-token-1", "alice")
                .anonymousPull("public/");
        registry = LocalRegistry.builder().tokenAuth(tokens, "alice", "wonderland").start();
        registry.push(layout.dir(), "3.20", "private/alpine:1", LocalRegistry.Format.OCI);
        registry.push(layout.dir(), "3.20", "public/alpine:1", LocalRegistry.Format.OCI);
    }

    @AfterAll
    static void stop() throws IOException {
        if (registry != null) {
            registry.close();
        }
        if (tokens != null) {
            tokens.close();
        }
    }

    @Test
    void passwordBuysABearerTokenThatTheLayersCarry() throws Exception {
        ImageResolver resolver = ImageResolver.builder(HTTP)
                .credentials(registry.host(), RegistryCredentials.basic("alice", "wonderland")).build();
        try (ResolvedImage image = resolver.resolve(registry.reference("private/alpine:1"))) {
            assertThat(image.manifest().hash().toString()).isEqualTo(sha256(registry.inspectRaw("private/alpine:1")));
            LayerDescriptor layer = image.manifest().layers().get(0);
            assertThat(layer.headers().get("Authorization")).singleElement().asString().startsWith("Bearer ey");
            assertThat(ImageFixtures.fetchedDigest(layer, HTTP)).isEqualTo(layer.hash().toString());
            LayerDescriptor bare = new LayerDescriptor(layer.hash(), layer.uri());
            assertThatThrownBy(() -> ImageFixtures.fetchedDigest(bare, HTTP)).hasMessageEndingWith("returned 401");
        }
        assertThat(tokens.requests()).contains("GET user=alice scope=repository:private/alpine:pull");
    }

    @Test
    void anonymousTokenPullsAPublicRepository() throws Exception {
        try (ResolvedImage image = ImageResolver.builder(HTTP).build()
                .resolve(registry.reference("public/alpine:1"))) {
            assertThat(image.manifest().hash().toString()).isEqualTo(sha256(registry.inspectRaw("public/alpine:1")));
            LayerDescriptor layer = image.manifest().layers().get(0);
            assertThat(ImageFixtures.fetchedDigest(layer, HTTP)).isEqualTo(layer.hash().toString());
        }
        assertThat(tokens.requests()).contains("GET anonymous scope=repository:public/alpine:pull");
    }

    @Test
    void anonymousTokenWithoutAccessIsDeniedClearly() {
        assertThatThrownBy(() -> ImageResolver.builder(HTTP).build().resolve(registry.reference("private/alpine:1")))
                .isInstanceOf(IOException.class)
                .hasMessage("registry: " + registry.host() + " denied anonymous access to private/alpine (401"
                        + " UNAUTHORIZED: authentication required); configure credentials for " + registry.host());
    }

    @Test
    void wrongPasswordIsRefusedByTheTokenService() {
        ImageResolver resolver = ImageResolver.builder(HTTP)
                .credentials(registry.host(), RegistryCredentials.basic("alice", "looking-glass")).build();
        assertThatThrownBy(() -> resolver.resolve(registry.reference("private/alpine:1")))
                .isInstanceOf(IOException.class)
                .hasMessage("registry: token service " + tokens.realm() + " refused the credentials of user alice"
                        + " for " + registry.host() + " (401 UNAUTHORIZED: invalid credentials)");
    }

    @Test
    void identityTokenFromDockerConfigIsExchangedWithTheRefreshGrant() throws Exception {
        ImageResolver resolver = ImageResolver.builder(HTTP)
                .dockerConfig(dockerConfig("id-token-1")).build();
        try (ResolvedImage image = resolver.resolve(registry.reference("private/alpine:1"))) {
            LayerDescriptor layer = image.manifest().layers().get(0);
            assertThat(ImageFixtures.fetchedDigest(layer, HTTP)).isEqualTo(layer.hash().toString());
        }
        assertThat(tokens.requests())
                .contains("POST user=alice scope=repository:private/alpine:pull grant=refresh_token");
    }

    @Test
    void unknownIdentityTokenIsRefused() throws Exception {
        ImageResolver resolver = ImageResolver.builder(HTTP).dockerConfig(dockerConfig("stale")).build();
        assertThatThrownBy(() -> resolver.resolve(registry.reference("private/alpine:1")))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("registry: token service " + tokens.realm()
                        + " refused the credentials of identity token for " + registry.host() + " (401");
    }

    /** A config.json as {@code docker login} writes it for a registry with OAuth: user {@code <token>}. */
    private static DockerConfig dockerConfig(String identityToken) throws IOException {
        Path file = Files.createTempFile(tmp, "config", ".json");
        String auth = Base64.getEncoder().encodeToString("<token>:".getBytes());
        Files.writeString(file, "{\"auths\":{\"" + registry.host() + "\":{\"auth\":\"" + auth
                + "\",\"identitytoken\":\"" + identityToken + "\"}}}");
        return DockerConfig.load(file);
    }
}
