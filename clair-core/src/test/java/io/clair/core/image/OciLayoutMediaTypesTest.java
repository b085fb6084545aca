package io.clair.core.image;

import static io.clair.core.image.ImageFixtures.sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What is not a scannable container image, in the shapes such documents have in the wild (Windows foreign layers,
 * OCI 1.1 artifacts, Helm charts, cosign signatures, schema 1), resolved through an OCI layout.
 */
class OciLayoutMediaTypesTest {
    private static final String LAYER_GZIP = "application/vnd.oci.image.layer.v1.tar+gzip";
    private static final String EMPTY = "application/vnd.oci.empty.v1+json";

    @TempDir
    Path dir;
    String layer;
    String config;
    final ImageResolver resolver = ImageResolver.builder(ImageResolver.newHttpClient()).build();

    @BeforeEach
    void layout() throws IOException {
        Files.createDirectories(dir.resolve("blobs/sha256"));
        Files.writeString(dir.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
        layer = blob(Files.readAllBytes(ImageFixtures.alpine320()));
        config = blob("{\"architecture\":\"amd64\",\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\"}}"
                .getBytes(StandardCharsets.UTF_8));
        blob("{}".getBytes(StandardCharsets.UTF_8)); // the OCI empty descriptor's blob
    }

    @Test
    void emptyPlaceholderLayersAreSkipped() throws IOException {
        String m = tag("x", manifest(MediaTypes.OCI_CONFIG, config, null,
                desc(EMPTY, sha256("{}".getBytes(StandardCharsets.UTF_8)), 2), desc(LAYER_GZIP, layer, -1)));
        try (ResolvedImage image = resolver.resolve("oci:" + dir + ":x")) {
            assertThat(image.manifest().hash().toString()).isEqualTo(m);
            assertThat(ImageFixtures.hashes(image.manifest().layers())).containsExactly(layer);
        }
    }

    @Test
    void windowsForeignLayersAreRejected() throws IOException {
        String foreign = "sha256:" + "ab".repeat(32);
        tag("win", manifest(MediaTypes.OCI_CONFIG, config, null,
                "{\"mediaType\":\"application/vnd.docker.image.rootfs.foreign.diff.tar.gzip\",\"digest\":\""
                        + foreign + "\",\"size\":1,\"urls\":[\"https://mcr.microsoft.com/v2/x/blobs/" + foreign
                        + "\"]}", desc(LAYER_GZIP, layer, -1)));
        assertThatThrownBy(() -> resolver.resolve("oci:" + dir + ":win"))
                .isInstanceOf(IOException.class)
                .hasMessage("oci layout: oci:" + dir + ":win: layer 1 (" + foreign + ") is a foreign,"
                        + " non-distributable layer (application/vnd.docker.image.rootfs.foreign.diff.tar.gzip),"
                        + " which registries do not serve and Clair cannot scan");
    }

    @Test
    void artifactsAreNotContainerImages() throws IOException {
        tag("sbom", manifest(EMPTY, sha256("{}".getBytes(StandardCharsets.UTF_8)), "application/spdx+json",
                desc("application/spdx+json", layer, -1)));
        assertThatThrownBy(() -> resolver.resolve("oci:" + dir + ":sbom"))
                .hasMessage("oci layout: oci:" + dir + ":sbom is not a container image: its config has media type"
                        + " \"" + EMPTY + "\" (artifact type \"application/spdx+json\")");
        tag("chart", manifest("application/vnd.cncf.helm.config.v1+json", config, null,
                desc("application/vnd.cncf.helm.chart.content.v1.tar+gzip", layer, -1)));
        assertThatThrownBy(() -> resolver.resolve("oci:" + dir + ":chart"))
                .hasMessageContaining("is not a container image: its config has media type"
                        + " \"application/vnd.cncf.helm.config.v1+json\"");
    }

    @Test
    void signatureLayersAreNotFilesystemLayers() throws IOException {
        tag("sig", manifest(MediaTypes.OCI_CONFIG, config, null,
                desc("application/vnd.dev.cosign.simplesigning.v1+json", layer, -1)));
        assertThatThrownBy(() -> resolver.resolve("oci:" + dir + ":sig"))
                .hasMessage("oci layout: oci:" + dir + ":sig: layer 1 (" + layer + ") has media type"
                        + " \"application/vnd.dev.cosign.simplesigning.v1+json\", which is not a filesystem layer"
                        + " (tar, tar+gzip or tar+zstd)");
    }

    @Test
    void schema1AndCorruptManifestsAreRejected() throws IOException {
        String s1 = blob("{\"schemaVersion\":1,\"name\":\"x\",\"tag\":\"1\",\"fsLayers\":[]}"
                .getBytes(StandardCharsets.UTF_8));
        index("{\"mediaType\":\"" + MediaTypes.DOCKER_SCHEMA1_SIGNED + "\",\"digest\":\"" + s1
                + "\",\"size\":1,\"annotations\":{\"org.opencontainers.image.ref.name\":\"old\"}}");
        assertThatThrownBy(() -> resolver.resolve("oci:" + dir + ":old"))
                .hasMessage("oci layout: oci:" + dir + ":old manifest " + s1 + " is a Docker schema 1 manifest,"
                        + " which is not supported; push the image again with a current client (Docker schema 2"
                        + " or OCI)");

        String m = tag("x", manifest(MediaTypes.OCI_CONFIG, config, null, desc(LAYER_GZIP, layer, -1)));
        Files.writeString(dir.resolve("blobs/sha256/" + m.substring(7)), "{\"tampered\":true}");
        assertThatThrownBy(() -> resolver.resolve("oci:" + dir + ":x"))
                .hasMessage("oci layout: oci:" + dir + ":x: blob " + m + " does not match its digest");
    }

    private String manifest(String configType, String configDigest, String artifactType, String... layers)
            throws IOException {
        String json = "{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.OCI_MANIFEST + "\""
                + (artifactType != null ? ",\"artifactType\":\"" + artifactType + "\"" : "")
                + ",\"config\":" + desc(configType, configDigest, 2) + ",\"layers\":[" + String.join(",", layers)
                + "]}";
        return blob(json.getBytes(StandardCharsets.UTF_8));
    }

    private String tag(String tag, String manifestDigest) throws IOException {
        index("{\"mediaType\":\"" + MediaTypes.OCI_MANIFEST + "\",\"digest\":\"" + manifestDigest
                + "\",\"size\":1,\"annotations\":{\"org.opencontainers.image.ref.name\":\"" + tag + "\"}}");
        return manifestDigest;
    }

    private void index(String entry) throws IOException {
        Path index = dir.resolve("index.json");
        String prior = Files.exists(index) ? Files.readString(index) : null;
        String entries = prior == null ? entry
                : prior.substring(prior.indexOf('[') + 1, prior.lastIndexOf(']')) + "," + entry;
        Files.writeString(index, "{\"schemaVersion\":2,\"manifests\":[" + entries + "]}");
    }

    private static String desc(String mediaType, String digest, long size) {
        return "{\"mediaType\":\"" + mediaType + "\",\"digest\":\"" + digest + "\",\"size\":" + size + "}";
    }

    private String blob(byte[] bytes) throws IOException {
        String d = sha256(bytes);
        Files.write(dir.resolve("blobs/sha256/" + d.substring(7)), bytes);
        return d;
    }
}
