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
import org.junit.jupiter.params.provider.ValueSource;

/** OCI image layouts written by umoci, by skopeo and by our layout writer; skopeo reads them as the oracle. */
class OciLayoutSourceTest {
    @TempDir
    static Path tmp;
    static ImageFixtures.Layout layout;
    static LocalRegistry registry;
    static final HttpClient HTTP = ImageResolver.newHttpClient();
    static final ImageResolver RESOLVER = ImageResolver.builder(HTTP).build();

    @BeforeAll
    static void build() throws Exception {
        layout = ImageFixtures.layout(tmp.resolve("layout"));
        registry = LocalRegistry.start();
        registry.push(layout.dir(), "3.20", "test/alpine:1", LocalRegistry.Format.OCI);
    }

    @AfterAll
    static void stop() throws IOException {
        if (registry != null) {
            registry.close();
        }
    }

    @Test
    void umociLayoutMatchesSkopeo() throws Exception {
        Path dir = tmp.resolve("umoci");
        Path rootfsTar = tmp.resolve("rootfs.tar");
        try (InputStream in = OciLayoutBuilder.decompressed(ImageFixtures.alpine320())) {
            Files.copy(in, rootfsTar);
        }
        ExternalTool.run(List.of("umoci", "init", "--layout", dir.toString()));
        ExternalTool.run(List.of("umoci", "new", "--image", dir + ":base"));
        ExternalTool.run(List.of("umoci", "raw", "add-layer", "--image", dir + ":base", rootfsTar.toString()));
        ExternalTool.run(List.of("umoci", "config", "--image", dir + ":base", "--config.cmd", "/bin/sh",
                "--os", "linux", "--architecture", "amd64"));
        byte[] raw = ExternalTool.run(List.of("skopeo", "inspect", "--raw", "oci:" + dir + ":base"));
        JsonNode oracle = json(raw);
        assertThat(oracle.has("mediaType")).as("umoci omits the optional mediaType").isFalse();

        try (ResolvedImage image = RESOLVER.resolve("oci:" + dir + ":base")) {
            assertThat(image.manifest().hash().toString()).isEqualTo(sha256(raw));
            assertThat(hashes(image.manifest().layers())).isEqualTo(each(oracle.path("layers"), "digest"))
                    .hasSize(1);
            assertThat(mediaTypes(image.manifest().layers())).isEqualTo(each(oracle.path("layers"), "mediaType"));
            assertReadableBlobs(image, dir);
        }
    }

    @Test
    void skopeoCopiedLayoutIsTheRegistryImage() throws Exception {
        Path dir = tmp.resolve("skopeo");
        registry.copyOut("test/alpine:1", "oci:" + dir + ":3.20");
        try (ResolvedImage fromLayout = RESOLVER.resolve("oci:" + dir + ":3.20");
             ResolvedImage fromRegistry = RESOLVER.resolve(registry.reference("test/alpine:1"))) {
            assertThat(fromLayout.manifest().hash()).isEqualTo(fromRegistry.manifest().hash());
            assertThat(hashes(fromLayout.manifest().layers())).isEqualTo(hashes(fromRegistry.manifest().layers()));
            assertThat(mediaTypes(fromLayout.manifest().layers()))
                    .containsExactly(MediaTypes.OCI_LAYER_GZIP);
            assertReadableBlobs(fromLayout, dir);
        }
        // the layout holds one image, so no tag is needed
        try (ResolvedImage untagged = RESOLVER.resolve("oci:" + dir)) {
            assertThat(untagged.manifest().hash().toString())
                    .isEqualTo(sha256(registry.inspectRaw("test/alpine:1")));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"linux/amd64", "linux/arm64/v8", "linux/arm64"})
    void indexInTheLayoutIsFollowedToThePlatform(String platform) throws Exception {
        Platform p = Platform.parse(platform);
        ImageResolver resolver = ImageResolver.builder(HTTP).platform(p).build();
        // oracle: the platform manifest skopeo picks from the same index, copied byte for byte to a dir:
        Path copied = tmp.resolve("picked-" + platform.replace('/', '-'));
        List<String> cmd = new ArrayList<>(List.of("skopeo", "--insecure-policy", "--override-arch",
                p.architecture()));
        if (p.variant() != null) {
            cmd.addAll(List.of("--override-variant", p.variant()));
        }
        cmd.addAll(List.of("copy", "-q", "oci:" + layout.dir() + ":multi", "dir:" + copied));
        ExternalTool.run(cmd);
        String expected = sha256(Files.readAllBytes(copied.resolve("manifest.json")));
        try (ResolvedImage image = resolver.resolve("oci:" + layout.dir() + ":multi")) {
            assertThat(image.manifest().hash().toString()).isEqualTo(expected)
                    .isEqualTo(platform.equals("linux/amd64") ? layout.amd64().digest() : layout.arm64().digest());
            assertReadableBlobs(image, layout.dir());
        }
    }

    @Test
    void latestIsTheDefaultAmongSeveralImages() throws Exception {
        OciLayoutBuilder b = new OciLayoutBuilder(tmp.resolve("with-latest"));
        OciLayoutBuilder.Blob old = b.image("linux", "amd64", null, List.of(ImageFixtures.alpine365()));
        OciLayoutBuilder.Blob current = b.image("linux", "amd64", null, List.of(ImageFixtures.alpine320()));
        b.tag("old", old).tag("latest", current);
        try (ResolvedImage image = RESOLVER.resolve("oci:" + b.dir())) {
            assertThat(image.manifest().hash().toString()).isEqualTo(current.digest());
        }
    }

    @Test
    void unknownTagListsTheTags() {
        assertThatThrownBy(() -> RESOLVER.resolve("oci:" + layout.dir() + ":9.9"))
                .isInstanceOf(IOException.class)
                .hasMessage("oci layout: oci:" + layout.dir() + ":9.9: no image tagged \"9.9\"; the layout has tags"
                        + " 3.20, 3.6, multi");
    }

    @Test
    void severalImagesWithoutLatestNeedATag() {
        assertThatThrownBy(() -> RESOLVER.resolve("oci:" + layout.dir()))
                .isInstanceOf(IOException.class)
                .hasMessage("oci layout: oci:" + layout.dir() + ": the layout holds 3 images and none is tagged"
                        + " \"latest\"; name one as oci:DIR:tag (tags 3.20, 3.6, multi)");
    }

    @Test
    void directoryThatIsNotALayoutIsRejected() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        assertThatThrownBy(() -> RESOLVER.resolve("oci:" + empty))
                .hasMessage("oci layout: " + empty + " has no oci-layout file, so it is not an OCI image layout");
        assertThatThrownBy(() -> RESOLVER.resolve("oci:" + tmp.resolve("absent")))
                .hasMessage("oci layout: " + tmp.resolve("absent") + " is not a directory");
    }

    @Test
    void missingLayerBlobIsNamed() throws Exception {
        OciLayoutBuilder b = new OciLayoutBuilder(tmp.resolve("broken"));
        b.tag("1", b.image("linux", "amd64", null, List.of(ImageFixtures.alpine320())));
        String layer = sha256(ImageFixtures.alpine320());
        Files.delete(b.dir().resolve("blobs/sha256/" + layer.substring("sha256:".length())));
        assertThatThrownBy(() -> RESOLVER.resolve("oci:" + b.dir() + ":1"))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("oci layout: oci:" + b.dir() + ":1: layer blob " + layer + " is missing");
    }

    /** Every layer is a file: URI inside the layout's blobs whose content has the layer's digest. */
    private static void assertReadableBlobs(ResolvedImage image, Path dir) throws Exception {
        for (LayerDescriptor l : image.manifest().layers()) {
            assertThat(l.uri().getScheme()).isEqualTo("file");
            assertThat(Path.of(l.uri())).isEqualTo(dir.resolve("blobs/sha256/" + l.hash().hex()).toAbsolutePath());
            assertThat(ImageFixtures.fetchedDigest(l, HTTP)).isEqualTo(l.hash().toString());
            assertThat(l.headers()).isEmpty();
        }
    }
}
