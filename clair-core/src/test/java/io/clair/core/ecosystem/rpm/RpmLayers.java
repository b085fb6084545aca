package io.clair.core.ecosystem.rpm;

import io.clair.core.layer.DirectoryLayer;
import io.clair.core.manifest.Digest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/** Root filesystems built under {@code target/} for the rpm tests: real databases placed where images keep them. */
final class RpmLayers {
    private static final Path BASE = Path.of("target", "rpm-layers");

    private RpmLayers() {
    }

    /** An empty directory {@code target/rpm-layers/name}, emptied first if a previous run left it. */
    static Path fresh(String name) throws IOException {
        Path dir = BASE.resolve(name).toAbsolutePath();
        delete(dir);
        Files.createDirectories(dir);
        return dir;
    }

    /** Copies {@code source} to {@code root/layerPath} (a copy, so a test may change it) and returns the copy. */
    static Path place(Path root, String layerPath, Path source) throws IOException {
        Path dst = root.resolve(layerPath);
        Files.createDirectories(dst.getParent());
        Files.copy(source, dst, StandardCopyOption.REPLACE_EXISTING);
        dst.toFile().setWritable(true);
        return dst;
    }

    /** A layer over {@code root}; the digest is derived from the directory name, which is all a scanner needs. */
    static DirectoryLayer layer(Path root) {
        return new DirectoryLayer(Digest.of("sha256", root.toString().getBytes(StandardCharsets.UTF_8)), root);
    }

    static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
