package io.clair.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A large, real layer for the fetch benchmark: a tar of this machine's {@code /usr/share} and {@code /usr/lib} (real
 * files, links and directories, the mix an OS layer holds), cut at a size, then gzipped and zstd-compressed by the
 * system tools. Built once and reused from {@code dir}.
 */
final class BenchLayer {
    final Path tar;
    final Path gzip;
    final Path zstd;

    private BenchLayer(Path dir) {
        this.tar = dir.resolve("layer.tar");
        this.gzip = dir.resolve("layer.tar.gz");
        this.zstd = dir.resolve("layer.tar.zst");
    }

    static BenchLayer build(Path dir, long targetBytes, List<Path> roots) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        BenchLayer l = new BenchLayer(dir);
        if (Files.exists(l.gzip) && Files.exists(l.zstd) && Files.exists(l.tar) && Files.size(l.tar) >= targetBytes) {
            return l;
        }
        Path list = dir.resolve("files.txt");
        Files.write(list, pick(roots, targetBytes));
        run(dir, "tar", "--create", "--file", l.tar.toString(), "--no-recursion", "--files-from", list.toString());
        run(dir, "sh", "-c", "gzip -6 -c layer.tar > layer.tar.gz");
        run(dir, "sh", "-c", "zstd -q -3 -f -o layer.tar.zst layer.tar");
        return l;
    }

    /** Paths in walk order (directories before their children) until the regular files add up to the target. */
    private static List<String> pick(List<Path> roots, long targetBytes) throws IOException {
        List<String> out = new ArrayList<>();
        long total = 0;
        for (Path root : roots) {
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path p : (Iterable<Path>) walk::iterator) {
                    if (total >= targetBytes) {
                        return out;
                    }
                    if (!Files.isReadable(p) || p.toString().contains("\n")) {
                        continue;
                    }
                    if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                        total += Files.size(p);
                    }
                    out.add(p.toString());
                }
            } catch (UncheckedIOException e) {
                // an unreadable corner of the tree; what was walked so far is enough
            }
        }
        return out;
    }

    static void run(Path dir, String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IOException("bench: " + String.join(" ", cmd) + " failed");
        }
    }
}
