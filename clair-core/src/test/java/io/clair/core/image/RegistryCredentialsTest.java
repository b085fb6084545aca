package io.clair.core.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Credentials from Docker client configuration files, in the spellings docker, podman and skopeo write. */
class RegistryCredentialsTest {
    @TempDir
    Path tmp;

    @Test
    void authEntriesAreMatchedByHost() throws IOException {
        DockerConfig c = load("{\"auths\":{"
                + "\"https://index.docker.io/v1/\":{\"auth\":\"" + b64("hub:secret") + "\"},"
                + "\"127.0.0.1:5000\":{\"auth\":\"" + b64("local:pass:with:colons") + "\"},"
                + "\"http://Reg.Example:8443/v2/\":{\"username\":\"u\",\"password\":\"p\"},"
                + "\"quay.io\":{\"auth\":\"" + b64("<token>:") + "\",\"identitytoken\":\"id-1\"}},"
                + "\"credHelpers\":{\"gcr.io\":\"gcloud\"}}");
        assertThat(c.credentials("docker.io")).contains(RegistryCredentials.basic("hub", "secret"));
        assertThat(c.credentials("127.0.0.1:5000")).contains(RegistryCredentials.basic("local", "pass:with:colons"));
        assertThat(c.credentials("reg.example:8443")).contains(RegistryCredentials.basic("u", "p"));
        assertThat(c.credentials("quay.io")).contains(RegistryCredentials.identityToken("id-1"));
        assertThat(c.credentials("127.0.0.1:5001")).isEmpty();
        assertThat(c.credentials("gcr.io")).as("credential helpers are not run").isEmpty();
    }

    @Test
    void missingFileIsEmptyButBrokenFilesAreErrors() throws IOException {
        assertThat(DockerConfig.load(tmp.resolve("absent.json")).credentials("docker.io")).isEmpty();
        Path broken = Files.writeString(tmp.resolve("broken.json"), "{\"auths\":");
        assertThatThrownBy(() -> DockerConfig.load(broken))
                .hasMessageStartingWith("docker config: " + broken + " is not valid JSON");
        Path badAuth = Files.writeString(tmp.resolve("bad-auth.json"), "{\"auths\":{\"x.io\":{\"auth\":\"%%%\"}}}");
        assertThatThrownBy(() -> DockerConfig.load(badAuth))
                .hasMessage("docker config: " + badAuth + ": auths.x.io.auth is not base64");
        Path noColon = Files.writeString(tmp.resolve("no-colon.json"),
                "{\"auths\":{\"x.io\":{\"auth\":\"" + b64("nocolon") + "\"}}}");
        assertThatThrownBy(() -> DockerConfig.load(noColon))
                .hasMessage("docker config: " + noColon + ": auths.x.io.auth is not user:password");
    }

    @Test
    void secretsNeverPrint() {
        assertThat(RegistryCredentials.basic("alice", "s3cret")).hasToString("RegistryCredentials[user alice]");
        assertThat(RegistryCredentials.identityToken("tok")).hasToString("RegistryCredentials[identity token]");
        assertThatThrownBy(() -> new RegistryCredentials("alice", null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private DockerConfig load(String json) throws IOException {
        return DockerConfig.load(Files.writeString(tmp.resolve("config.json"), json));
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
