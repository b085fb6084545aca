package io.clair.ctl;

import static io.clair.ctl.CtlRun.clairctl;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.clair.core.testing.LocalRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Images in a real registry (Debian's docker-registry on 127.0.0.1): {@code manifest} prints the manifest the
 * registry serves, {@code report --local} scans the pushed image, and the failures a user meets there (an unknown
 * tag, a server that is not running) are one line and exit 2.
 */
class RegistryTest {
    @TempDir
    static Path tmp;
    static LocalRegistry registry;
    static String image;

    @BeforeAll
    static void start() throws Exception {
        Path layout = AlpineImages.ociLayout(tmp.resolve("layout"));
        registry = LocalRegistry.start();
        registry.push(layout, "test/alpine:3.6", LocalRegistry.Format.V2S2);
        image = registry.reference("test/alpine:3.6");
    }

    @AfterAll
    static void stop() throws IOException {
        if (registry != null) {
            registry.close();
        }
    }

    @Test
    void manifestPrintsTheClairManifestOfThePushedImage() throws Exception {
        CtlRun.Result r = clairctl().run("manifest", image);
        assertThat(r.exit()).as(r.toString()).isEqualTo(0);
        assertThat(r.out().lines()).hasSize(1);
        JsonNode m = AlpineImages.JSON.readTree(r.out());
        byte[] raw = registry.inspectRaw("test/alpine:3.6");
        String digest = "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw));
        assertThat(m.get("hash").asText()).isEqualTo(digest);
        JsonNode served = AlpineImages.JSON.readTree(raw);
        assertThat(m.get("layers")).hasSize(1);
        JsonNode layer = m.get("layers").get(0);
        assertThat(layer.get("hash").asText()).isEqualTo(served.get("layers").get(0).get("digest").asText());
        assertThat(layer.get("uri").asText()).isEqualTo(registry.url() + "/v2/test/alpine/blobs/"
                + layer.get("hash").asText());
    }

    @Test
    void localReportOfThePushedImageListsTheApkPackages() throws Exception {
        Path bundle = AlpineImages.bundle(tmp.resolve("bundle.json"));
        CtlRun.Result r = clairctl().run("report", "--local", "--database-url", TestDb.create(), "--bundle",
                bundle.toString(), "-o", "json", image);
        assertThat(r.exit()).as(r.toString()).isEqualTo(1);
        JsonNode report = AlpineImages.JSON.readTree(r.out());
        List<String> packages = new ArrayList<>();
        report.get("packages").forEach(p -> packages.add(p.get("name").asText() + "-" + p.get("version").asText()));
        assertThat(packages).containsExactlyInAnyOrderElementsOf(AlpineImages.apkInfo());
        assertThat(report.get("vulnerabilities").elements().next().get("name").asText())
                .isEqualTo(AlpineImages.FINDING);
    }

    @Test
    void anUnknownTagIsOneLineAndExitTwo() {
        String missing = registry.reference("test/alpine:nope");
        for (String command : List.of("manifest", "report")) {
            CtlRun.Result r = command.equals("manifest") ? clairctl().run("manifest", missing)
                    : clairctl().run("report", "--local", "--database-url", TestDb.create(), missing);
            assertThat(r.exit()).as(r.toString()).isEqualTo(2);
            assertThat(r.errLines()).as(command).singleElement().asString().startsWith("clairctl: registry: ")
                    .contains("test/alpine:nope").contains("404");
            assertThat(r.out()).isEmpty();
        }
    }

    @Test
    void anUnreachableServerIsOneLineAndExitTwo() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String host = "http://127.0.0.1:" + port + "/";
        CtlRun.Result r = clairctl().run("report", "--host", host, image);
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.errLines()).containsExactly("clairctl: cannot reach the Clair server at " + host
                + ": connection refused (is it running? set --host or CLAIR_API)");
        CtlRun.Result delete = clairctl().env("CLAIR_API", host).run("delete", "sha256:" + "ab".repeat(32));
        assertThat(delete.exit()).isEqualTo(2);
        assertThat(delete.errLines()).singleElement().asString().startsWith("clairctl: cannot reach the Clair server");
    }

    @Test
    void badRegistryCredentialsAreOneLineAndGoodOnesWork() throws Exception {
        try (LocalRegistry locked = LocalRegistry.builder().htpasswd("alice", "wonderland").start()) {
            locked.push(tmp.resolve("layout"), "test/alpine:3.6", LocalRegistry.Format.OCI);
            String ref = locked.reference("test/alpine:3.6");
            CtlRun.Result wrong = clairctl().env("DOCKER_CONFIG", dockerConfig("wrong", locked.host(), "alice",
                    "rabbit").toString()).run("manifest", ref);
            assertThat(wrong.exit()).as(wrong.toString()).isEqualTo(2);
            assertThat(wrong.errLines()).singleElement().asString().startsWith("clairctl: registry: ")
                    .contains("401");
            CtlRun.Result right = clairctl().env("DOCKER_CONFIG", dockerConfig("right", locked.host(), "alice",
                    "wonderland").toString()).run("manifest", ref);
            assertThat(right.exit()).as(right.toString()).isEqualTo(0);
            assertThat(AlpineImages.JSON.readTree(right.out()).at("/layers/0/headers/Authorization/0").asText())
                    .startsWith("Basic ");
        }
    }

    /** A {@code $DOCKER_CONFIG} directory whose config.json holds one registry login. */
    private static Path dockerConfig(String name, String registryHost, String user, String password)
            throws IOException {
        Path dir = java.nio.file.Files.createDirectories(tmp.resolve("docker-" + name));
        String auth = java.util.Base64.getEncoder().encodeToString((user + ":" + password).getBytes());
        java.nio.file.Files.writeString(dir.resolve("config.json"), "{\"auths\": {\"" + registryHost
                + "\": {\"auth\": \"" + auth + "\"}}}");
        return dir;
    }

    @Test
    void aDockerConfigWithBadJsonIsOneLine() throws Exception {
        Path dir = tmp.resolve("docker");
        java.nio.file.Files.createDirectories(dir);
        java.nio.file.Files.writeString(dir.resolve("config.json"), "{not json");
        CtlRun.Result r = clairctl().env("DOCKER_CONFIG", dir.toString()).run("manifest", image);
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.errLines()).singleElement().asString().startsWith("clairctl: docker config: ")
                .contains("is not valid JSON");
    }
}
