package io.clair.core.testing;

import io.clair.core.osrelease.RootfsFixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Trees of real inputs that are slow to make (a debootstrap, packages from apt or npm, artifacts from Maven Central),
 * built once per machine under {@code ${java.io.tmpdir}/clair-testcache/<name>} and reused by later runs.
 *
 * <p>Several JVMs build at once on one machine (surefire forks, a second checkout's build, a benchmark), so a build
 * holds an exclusive file lock on {@code <name>.lock} and checks again for the finished tree once it has the lock. The
 * tree is built in the sibling {@code <name>.building} and renamed only when complete; a tree counts as present only
 * when its marker path exists, so an interrupted build is never mistaken for a cache hit.
 */
public final class TestCache {
    private static final Path CACHE = Path.of(System.getProperty("java.io.tmpdir"), "clair-testcache");

    /** Fills a directory that does not exist yet (its parent does). */
    @FunctionalInterface
    public interface Builder {
        void build(Path into) throws IOException;
    }

    private TestCache() {
    }

    /**
     * The tree {@code name}, built by {@code builder} unless {@code marker} (a path relative to the tree) already
     * exists in it.
     */
    public static synchronized Path get(String name, String marker, Builder builder) {
        Path root = CACHE.resolve(name);
        if (Files.exists(root.resolve(marker))) {
            return root;
        }
        try {
            Files.createDirectories(CACHE);
            try (FileChannel ch = FileChannel.open(CACHE.resolve(name + ".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock ignored = ch.lock()) {
                if (Files.exists(root.resolve(marker))) {
                    return root; // another JVM built it while this one waited
                }
                Path building = CACHE.resolve(name + ".building");
                RootfsFixtures.deleteTree(building);
                builder.build(building);
                RootfsFixtures.deleteTree(root); // a stale tree without its marker
                Files.move(building, root);
                return root;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
