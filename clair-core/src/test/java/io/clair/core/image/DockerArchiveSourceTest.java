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
import io.clair.core.testing.ExternalTool;
import io.clair.core.testing.LocalRegistry;
import io.clair.core.testing.OciLayoutBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code docker save} archives: written by skopeo from a real registry image (the old layout with
 * {@code <id>/layer.tar} symlinks), in the Docker 25+ layout (OCI blobs plus {@code manifest.json}), and with
 * compressed layers; skopeo reading the same archive is the oracle for the manifest digest and layers.
 */
class DockerArchiveSourceTest {
    @TempDir
    static Path tmp;
    static LocalRegistry registry;
    static Path archive;
    static final HttpClient HTTP = ImageResolver.newHttpClient();
    static final ImageResolver RESOLVER = ImageResolver.builder(HTTP).tempDir(Path.of("target")).build();

    @BeforeAll
    static void build() throws Exception {
        ImageFixtures.Layout layout = ImageFixtures.layout(tmp.resolve("layout"));
        registry = LocalRegistry.start();
        registry.push(layout.dir(), "3.20", "test/alpine:1", LocalRegistry.Format.OCI);
        archive = tmp.resolve("alpine.tar");
        registry.copyOut("test/alpine:1", "docker-archive:" + archive + ":test/alpine:3.20");
    }

    @AfterAll
    static void stop() throws IOException {
        if (registry != null) {
            registry.close();
        }
    }

    @Test
    void skopeoArchiveMatchesSkopeosReadingAndIsCleanedUp() throws Exception {
        byte[] raw = skopeo("inspect", "--raw", "docker-archive:" + archive);
        JsonNode config = json(skopeo("inspect", "--config", "docker-archive:" + archive));
        List<Path> files;
        try (ResolvedImage image = RESOLVER.resolve("docker-archive:" + archive)) {
            assertThat(image.manifest().hash().toString()).isEqualTo(sha256(raw));
            assertThat(hashes(image.manifest().layers())).isEqualTo(each(json(raw).path("layers"), "digest"))
                    .isEqualTo(ImageFixtures.texts(config.path("rootfs").path("diff_ids")))
                    .containsExactly(OciLayoutBuilder.uncompressedDigest(ImageFixtures.alpine320()));
            assertThat(mediaTypes(image.manifest().layers())).containsExactly(MediaTypes.OCI_LAYER);
            files = image.manifest().layers().stream().map(l -> Path.of(l.uri())).toList();
            for (LayerDescriptor l : image.manifest().layers()) {
                assertThat(ImageFixtures.fetchedDigest(l, HTTP)).isEqualTo(l.hash().toString());
            }
        }
        assertThat(files).allSatisfy(f -> assertThat(f).doesNotExist());
        assertThat(files.get(0).getParent()).doesNotExist();
    }

    @Test
    void imageIsSelectedByItsRepoTag() throws Exception {
        try (ResolvedImage image = RESOLVER.resolve("docker-archive:" + archive + ":test/alpine:3.20")) {
            assertThat(image.manifest().hash().toString())
                    .isEqualTo(sha256(skopeo("inspect", "--raw", "docker-archive:" + archive)));
        }
        assertThatThrownBy(() -> RESOLVER.resolve("docker-archive:" + archive + ":test/alpine:9"))
                .isInstanceOf(IOException.class)
                .hasMessage("docker archive: docker-archive:" + archive + ":docker.io/test/alpine:9: no image tagged"
                        + " docker.io/test/alpine:9 in the archive (tags: docker.io/test/alpine:3.20)");
    }

    @Test
    void gzippedArchiveGivesTheSameImage() throws Exception {
        Path gz = tmp.resolve("alpine.tar.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            Files.copy(archive, out);
        }
        try (ResolvedImage plain = RESOLVER.resolve("docker-archive:" + archive);
             ResolvedImage zipped = RESOLVER.resolve("docker-archive:" + gz)) {
            assertThat(zipped.manifest().hash()).isEqualTo(plain.manifest().hash());
            assertThat(hashes(zipped.manifest().layers())).isEqualTo(hashes(plain.manifest().layers()));
        }
    }

    @Test
    void compressedLayersAreCheckedAgainstDiffIdsAndDigestedLikeSkopeo() throws Exception {
        Path legacy = legacyArchive("gz-layer", ImageFixtures.alpine320(), ImageFixtures.alpine320());
        byte[] raw = skopeo("inspect", "--raw", "docker-archive:" + legacy);
        try (ResolvedImage image = RESOLVER.resolve("docker-archive:" + legacy)) {
            assertThat(image.manifest().hash().toString()).isEqualTo(sha256(raw));
            LayerDescriptor layer = image.manifest().layers().get(0);
            // the layer is what the archive stores (gzip); skopeo's manifest names its diff_id instead
            assertThat(layer.hash().toString()).isEqualTo(sha256(ImageFixtures.alpine320()));
            assertThat(layer.mediaType()).isEqualTo(MediaTypes.OCI_LAYER_GZIP);
            assertThat(each(json(raw).path("layers"), "digest"))
                    .containsExactly(OciLayoutBuilder.uncompressedDigest(ImageFixtures.alpine320()));
            assertThat(ImageFixtures.fetchedDigest(layer, HTTP)).isEqualTo(layer.hash().toString());
        }
    }

    @Test
    void docker25ArchiveKeepsItsOwnManifestDigest() throws Exception {
        Path rootfsTar = tmp.resolve("rootfs-3.20.tar");
        try (InputStream in = OciLayoutBuilder.decompressed(ImageFixtures.alpine320())) {
            Files.copy(in, rootfsTar);
        }
        OciLayoutBuilder b = new OciLayoutBuilder(tmp.resolve("docker25-layout"));
        b.tag("3.20", b.image("linux", "amd64", null, List.of(rootfsTar)));
        byte[] ownManifest = skopeo("inspect", "--raw", "oci:" + b.dir() + ":3.20");
        JsonNode m = json(ownManifest);
        String config = m.path("config").path("digest").asText();
        String layer = m.path("layers").get(0).path("digest").asText();

        Map<String, Object> entries = new LinkedHashMap<>();
        try (var blobs = Files.list(b.dir().resolve("blobs/sha256"))) {
            blobs.sorted().forEach(p -> entries.put("blobs/sha256/" + p.getFileName(), p));
        }
        entries.put("index.json", b.dir().resolve("index.json"));
        entries.put("manifest.json", ("[{\"Config\":\"blobs/sha256/" + hex(config) + "\",\"RepoTags\":"
                + "[\"test/alpine:3.20\"],\"Layers\":[\"blobs/sha256/" + hex(layer) + "\"]}]").getBytes());
        entries.put("oci-layout", b.dir().resolve("oci-layout"));
        Path docker25 = tmp.resolve("docker25.tar");
        TarFixtures.write(docker25, entries);

        try (ResolvedImage image = RESOLVER.resolve("docker-archive:" + docker25)) {
            assertThat(image.manifest().hash().toString()).isEqualTo(sha256(ownManifest));
            assertThat(hashes(image.manifest().layers())).containsExactly(layer);
            assertThat(ImageFixtures.fetchedDigest(image.manifest().layers().get(0), HTTP)).isEqualTo(layer);
        }
    }

    @Test
    void layerThatDoesNotMatchItsDiffIdIsRejected() throws Exception {
        Path tampered = legacyArchive("tampered", ImageFixtures.alpine320(), ImageFixtures.alpine365());
        assertThatThrownBy(() -> RESOLVER.resolve("docker-archive:" + tampered))
                .isInstanceOf(IOException.class)
                .hasMessage("docker archive: docker-archive:" + tampered + ": layer 1 (layer-id/layer.tar) has"
                        + " diff_id " + OciLayoutBuilder.uncompressedDigest(ImageFixtures.alpine365())
                        + " but the config says " + OciLayoutBuilder.uncompressedDigest(ImageFixtures.alpine320()));
    }

    @Test
    void truncatedArchiveIsCorrupt() throws Exception {
        Path truncated = tmp.resolve("truncated.tar");
        try (InputStream in = Files.newInputStream(archive)) {
            Files.write(truncated, in.readNBytes((int) (Files.size(archive) / 2)));
        }
        assertThatThrownBy(() -> RESOLVER.resolve("docker-archive:" + truncated))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("docker archive: docker-archive:" + truncated + ": " + truncated
                        + " is corrupt or truncated: ");
    }

    @Test
    void filesThatAreNotDockerArchivesAreRejected() throws Exception {
        Path text = Files.writeString(tmp.resolve("notes.txt"), "not a tar\n");
        assertThatThrownBy(() -> RESOLVER.resolve("docker-archive:" + text))
                .hasMessage("docker archive: docker-archive:" + text + ": " + text + " is not a tar archive (no"
                        + " entries)");
        Path oci = tmp.resolve("oci-in-a.tar");
        TarFixtures.write(oci, Map.of("oci-layout", "{\"imageLayoutVersion\":\"1.0.0\"}".getBytes(),
                "index.json", "{\"schemaVersion\":2,\"manifests\":[]}".getBytes()));
        assertThatThrownBy(() -> RESOLVER.resolve("docker-archive:" + oci))
                .hasMessageStartingWith("docker archive: docker-archive:" + oci + ": the archive has no manifest.json,"
                        + " so it is not a docker save archive (it looks like an OCI layout in a tar");
        assertThatThrownBy(() -> RESOLVER.resolve("docker-archive:" + tmp.resolve("absent.tar")))
                .hasMessageEndingWith(tmp.resolve("absent.tar") + " does not exist or is not a file");
    }

    /**
     * An old-layout archive ({@code <id>/layer.tar}) whose config comes from an image of {@code configFrom} and
     * whose one layer is the file {@code layer}, stored as is (here: gzip compressed, as some build tools do).
     */
    private static Path legacyArchive(String name, Path configFrom, Path layer) throws Exception {
        OciLayoutBuilder b = new OciLayoutBuilder(tmp.resolve(name + "-layout"));
        JsonNode manifest = json(Files.readAllBytes(b.dir().resolve("blobs/sha256/"
                + hex(b.image("linux", "amd64", null, List.of(configFrom)).digest()))));
        String config = hex(manifest.path("config").path("digest").asText());
        Map<String, Object> entries = new LinkedHashMap<>();
        entries.put(config + ".json", b.dir().resolve("blobs/sha256/" + config));
        entries.put("layer-id/layer.tar", layer);
        entries.put("manifest.json", ("[{\"Config\":\"" + config + ".json\",\"RepoTags\":[\"test/legacy:1\"],"
                + "\"Layers\":[\"layer-id/layer.tar\"]}]").getBytes());
        Path out = tmp.resolve(name + ".tar");
        TarFixtures.write(out, entries);
        return out;
    }

    private static String hex(String digest) {
        return digest.substring(digest.indexOf(':') + 1);
    }

    private static byte[] skopeo(String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("skopeo"));
        cmd.addAll(List.of(args));
        return ExternalTool.run(cmd);
    }
}
