package io.clair.core.osrelease;

import static org.assertj.core.api.Assertions.fail;

import io.clair.core.layer.DirectoryLayer;
import io.clair.core.layer.Layer;
import io.clair.core.layer.LayerFetcher;
import io.clair.core.layer.LayerOptions;
import io.clair.core.layer.TarLayer;
import io.clair.core.manifest.Digest;
import io.clair.core.manifest.LayerDescriptor;
import io.clair.core.testing.TestData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Builds directory trees under {@code clair-core/target/test-trees} from the shared fixtures (tar archives, single
 * files, derived variants), views them as {@link Layer}s, and runs the real tools (tar, dpkg-query, apk, ...) the
 * tests compare against. A missing tool fails the test with what to install: tests never skip silently.
 */
public final class RootfsFixtures {
    private RootfsFixtures() {
    }

    /** An empty directory {@code target/test-trees/<name>}, recreated on every call. */
    public static Path scratch(String name) {
        Path dir = TestData.projectRoot().resolve("clair-core/target/test-trees").resolve(name);
        try {
            deleteTree(dir);
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    /** Extracts {@code archive} (plain or compressed tar) with the system {@code tar} into a fresh scratch dir. */
    public static Path extract(Path archive, String name) {
        Path dir = scratch(name);
        run(List.of(tool("tar", "tar"), "-xf", archive.toString(), "-C", dir.toString()));
        return dir;
    }

    /** A layer over {@code dir}, with a digest derived from the path so that distinct trees differ. */
    public static Layer layer(Path dir) {
        return new DirectoryLayer(Digest.of("sha256", dir.toString().getBytes(StandardCharsets.UTF_8)), dir);
    }

    /**
     * {@code dir} as a real image layer: archived by GNU tar, gzipped, and fetched by the {@link LayerFetcher} into
     * {@code temp} (content then read from the spool file, as in production). The caller closes it.
     */
    public static TarLayer tarLayer(Path dir, Path temp) throws IOException {
        Path blob = temp.resolve("layer-" + System.nanoTime() + ".tar.gz");
        run(List.of("tar", "-C", dir.toString(), "-czf", blob.toString(), "."));
        Digest d = Digest.of("sha256", Files.readAllBytes(blob));
        return new LayerFetcher(HttpClient.newBuilder().build(), LayerOptions.defaults(temp.resolve("spool")))
                .fetch(new LayerDescriptor(d, blob.toUri()));
    }

    /** Writes {@code content} to {@code root/relative}, creating parent directories. */
    public static Path write(Path root, String relative, String content) {
        try {
            Path f = root.resolve(relative);
            Files.createDirectories(f.getParent());
            Files.writeString(f, content, StandardCharsets.UTF_8);
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies the file {@code from} to {@code root/relative}, creating parent directories. */
    public static Path copy(Path from, Path root, String relative) {
        try {
            Path f = root.resolve(relative);
            Files.createDirectories(f.getParent());
            Files.copy(from, f);
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file's text, UTF-8. */
    public static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The subdirectories of {@code dir}, sorted by name. */
    public static List<Path> subdirectories(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The absolute path of {@code command}, searched in {@code PATH} and the sbin directories; fails the test naming
     * the Debian package to install when it is missing.
     */
    public static String tool(String command, String debianPackage) {
        List<String> dirs = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(":")));
        dirs.addAll(List.of("/usr/local/sbin", "/usr/sbin", "/sbin", "/usr/bin", "/bin"));
        for (String d : dirs) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, command))) {
                return Path.of(d, command).toString();
            }
        }
        return fail("'" + command + "' is not installed; this test compares against it."
                + " Install it with: apt-get install " + debianPackage);
    }

    /** Runs {@code command} and returns its standard output; fails the test on a non-zero exit. */
    public static String run(List<String> command) {
        Result r = tryRun(command);
        if (r.exit() != 0) {
            fail("command failed (exit " + r.exit() + "): " + String.join(" ", command) + "\n" + r.stderr());
        }
        return r.stdout();
    }

    /** Runs {@code command}, returning exit code, stdout and stderr. */
    public static Result tryRun(List<String> command) {
        try {
            Path err = Files.createTempFile("clair-test-", ".stderr");
            try {
                Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
                p.getOutputStream().close();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                int exit = p.waitFor();
                return new Result(exit, out, Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + command, e);
        }
    }

    /** Removes {@code dir} and everything below it, without following links. */
    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** The outcome of {@link #tryRun(List)}. */
    public record Result(int exit, String stdout, String stderr) {
    }
}
