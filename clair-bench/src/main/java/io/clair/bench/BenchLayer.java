package io.clair.bench;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A large, real layer for the fetch and index benchmarks: a tar of some of this machine's directories (real files,
 * links and directories, the mix an OS layer holds; {@code /usr/share} and {@code /usr/lib} for the fetch bench, a
 * root filesystem's package databases, binaries and libraries for the index bench), taken in the order given and
 * cut at a size, then gzipped and zstd-compressed by the system tools. Built once and reused from {@code dir}.
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

    /**
     * Paths in walk order (directories before their children) until the regular files add up to the target. A path
     * reached from two roots is taken once; unreadable corners of a tree are skipped.
     */
    private static List<String> pick(List<Path> roots, long targetBytes) throws IOException {
        List<String> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        long[] total = {0};
        for (Path root : roots) {
            if (total[0] >= targetBytes) {
                break;
            }
            if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (total[0] >= targetBytes) {
                        return FileVisitResult.TERMINATE;
                    }
                    if (!Files.isReadable(dir)) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    add(dir, 0);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (total[0] >= targetBytes) {
                        return FileVisitResult.TERMINATE;
                    }
                    if (attrs.isSymbolicLink() || (attrs.isRegularFile() && Files.isReadable(file))) {
                        add(file, attrs.isRegularFile() ? attrs.size() : 0);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE; // an unreadable corner of the tree
                }

                private void add(Path p, long size) {
                    String s = p.toString();
                    if (!s.contains("\n") && seen.add(s)) {
                        out.add(s);
                        total[0] += size;
                    }
                }
            });
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
