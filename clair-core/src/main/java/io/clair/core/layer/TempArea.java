package io.clair.core.layer;

import io.clair.core.manifest.Digest;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bounded temporary area of one {@link LayerFetcher}: one folder per layer under the root, and a byte budget
 * shared by all layers that are open at once, so that many concurrent fetches cannot fill the disk.
 */
final class TempArea {
    private static final Logger LOG = LoggerFactory.getLogger(TempArea.class);

    private final Path root;
    private final long maxBytes;
    private final AtomicLong used = new AtomicLong();

    TempArea(Path root, long maxBytes) {
        this.root = root;
        this.maxBytes = maxBytes;
    }

    /** A fresh, private folder for one layer. */
    Path newLayerDir(Digest layer) throws IOException {
        Files.createDirectories(root);
        return Files.createTempDirectory(root, "clair-layer-" + layer.hex().substring(0, 12) + "-");
    }

    /** Takes {@code n} bytes from the budget, or fails naming the layer that asked. */
    void reserve(Digest layer, long n) throws LayerException {
        long now = used.addAndGet(n);
        if (now > maxBytes) {
            used.addAndGet(-n);
            throw new LayerException(layer, "temporary area " + root + " is full: " + (now - n) + " bytes in use,"
                    + " " + n + " more would pass the limit of " + maxBytes + " bytes (maxTempBytes)");
        }
    }

    void release(long n) {
        used.addAndGet(-n);
    }

    long used() {
        return used.get();
    }

    /** Deletes {@code dir} and everything in it; failures are logged, since this runs on cleanup paths. */
    static void deleteTree(Path dir) {
        if (dir == null) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    Files.deleteIfExists(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (NoSuchFileException e) {
            // already gone
        } catch (IOException e) {
            LOG.atWarn().addKeyValue("dir", dir).addKeyValue("error", e.toString())
                    .log("layer: could not delete temporary files");
        }
    }
}
