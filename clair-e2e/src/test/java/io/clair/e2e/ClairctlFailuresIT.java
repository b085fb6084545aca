package io.clair.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.clair.core.testing.LocalRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Every failure of the CLI is one clear line on stderr and exit status 2. */
class ClairctlFailuresIT {

    private static void oneLine(Processes.Result r, String mentions) {
        assertThat(r.exit()).as(r.stdout() + r.stderr()).isEqualTo(2);
        assertThat(r.stderr().strip().lines()).as(r.stderr()).hasSize(1);
        assertThat(r.stderr()).startsWith("clairctl:").containsIgnoringCase(mentions);
    }

    @Test
    void unreachableServer() throws Exception {
        E2e e2e = E2e.get();
        oneLine(Clairctl.run("report", "--host", "http://127.0.0.1:9/", "--insecure-registry",
                e2e.registry.host(), e2e.reference("alpine365")), "127.0.0.1:9");
    }

    @Test
    void unknownImage() throws Exception {
        E2e e2e = E2e.get();
        oneLine(Clairctl.run("report", "--host", e2e.server.url().toString(), "--psk-key", E2e.PSK,
                "--insecure-registry", e2e.registry.host(), e2e.registry.reference("e2e/no-such-image:1")),
                "no-such-image");
    }

    @Test
    void badCredentials() throws Exception {
        E2e e2e = E2e.get();
        try (LocalRegistry locked = LocalRegistry.builder().htpasswd("e2e", "right-password").start()) {
            locked.push(e2e.images.get("alpine365").layout(), "1", "e2e/locked:1", LocalRegistry.Format.OCI);
            Path home = e2e.work.resolve("home-wrong-creds");
            Files.createDirectories(home.resolve(".docker"));
            String auth = Base64.getEncoder().encodeToString("e2e:wrong-password".getBytes(StandardCharsets.UTF_8));
            Files.writeString(home.resolve(".docker/config.json"), "{\"auths\":{\"" + locked.host()
                    + "\":{\"auth\":\"" + auth + "\"}}}");
            oneLine(Clairctl.run(home, "report", "--host", e2e.server.url().toString(), "--psk-key", E2e.PSK,
                    "--insecure-registry", locked.host(), locked.reference("e2e/locked:1")), "401");
        }
    }

    @Test
    void badSuppressionFile() throws Exception {
        E2e e2e = E2e.get();
        Path bad = e2e.work.resolve("bad-suppressions.yaml");
        Files.writeString(bad, "- id: CVE-1\n  reason: [not, a, string\n");
        oneLine(Clairctl.run("report", "--host", e2e.server.url().toString(), "--psk-key", E2e.PSK,
                "--insecure-registry", e2e.registry.host(), "--suppressions", bad.toString(),
                e2e.reference("alpine365")), "suppress");
    }
}
