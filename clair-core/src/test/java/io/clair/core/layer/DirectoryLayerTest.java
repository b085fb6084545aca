package io.clair.core.layer;

import static org.assertj.core.api.Assertions.assertThat;

import io.clair.core.manifest.Digest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Link handling of the directory-backed layer: links resolve inside the tree, never on the host. */
class DirectoryLayerTest {
    @TempDir
    Path root;

    @Test
    void parentLinksDoNotLeaveTheTree() throws IOException {
        Files.createSymbolicLink(root.resolve("etc"), Path.of("/etc"));
        Files.createDirectories(root.resolve("usr/lib"));
        Files.writeString(root.resolve("usr/lib/os-release"), "ID=test\n");
        Files.createSymbolicLink(root.resolve("lib"), Path.of("usr/lib"));
        DirectoryLayer layer = new DirectoryLayer(Digest.of("sha256", new byte[0]), root);
        // the host has /etc/passwd; the tree's etc points at "/etc", which inside the tree is itself: a loop
        assertThat(Path.of("/etc/passwd")).exists();
        assertThat(layer.entry("etc/passwd")).isEmpty();
        assertThat(layer.exists("etc/passwd")).isFalse();
        assertThat(layer.entry("lib/os-release")).get().extracting(LayerEntry::path).isEqualTo("usr/lib/os-release");
        assertThat(layer.entry("etc")).get().extracting(LayerEntry::type).isEqualTo(LayerEntry.Type.SYMLINK);
    }
}
