package io.clair.bench;

import io.clair.core.ecosystem.rpm.RpmPackageScanner;
import io.clair.core.index.Package;
import io.clair.core.layer.DirectoryLayer;
import io.clair.core.layer.Layer;
import io.clair.core.manifest.Digest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * How fast the rpm package scanner reads rpm databases, against {@code rpm -qa} on the same file.
 *
 * <p>Reads the largest CentOS Berkeley DB that Debian's golang-github-knqyf263-go-rpmdb-dev ships (centos7-many,
 * 33 MB, 396 packages), the same database converted to SQLite by {@code rpmdb --rebuilddb} when rpm is installed, and
 * the shared NDB database when {@code ../shared/testdata} is next to the project. Each database sits in a layer
 * directory at its usual path and goes through {@link RpmPackageScanner#scan}, as the indexer runs it.
 *
 * <pre>
 * mvn -o -q -pl clair-core,clair-bench package -DskipTests
 * java -cp clair-bench/target/benchmarks.jar io.clair.bench.RpmDatabaseBench [seconds-per-database]
 * </pre>
 */
public final class RpmDatabaseBench {
    private static final Path CENTOS = Path.of(
            "/usr/share/gocode/src/github.com/knqyf263/go-rpmdb/pkg/testdata/centos7-many/Packages");
    private static final Path NDB = Path.of("../shared/testdata/rpm/sle15-bci/Packages.db");

    private RpmDatabaseBench() {
    }

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 10;
        if (!Files.isRegularFile(CENTOS)) {
            System.err.println("rpm bench: " + CENTOS + " is missing; install golang-github-knqyf263-go-rpmdb-dev");
            System.exit(2);
        }
        Path work = Files.createTempDirectory("rpm-bench");
        try {
            System.out.printf(Locale.ROOT, "%-34s %9s %9s %10s %12s %12s%n", "database", "MB", "packages", "ms/scan",
                    "packages/s", "rpm -qa ms");
            run("bdb  centos7-many", work, "var/lib/rpm/Packages", CENTOS, "bdb_ro", seconds);
            Path sqlite = convert(work);
            if (sqlite != null) {
                run("sqlite centos7-many (rebuilddb)", work, "var/lib/rpm/rpmdb.sqlite", sqlite, "sqlite", seconds);
            }
            if (Files.isRegularFile(NDB)) {
                run("ndb  sle15-bci", work, "usr/lib/sysimage/rpm/Packages.db", NDB, null, seconds);
            }
        } finally {
            delete(work);
        }
    }

    private static void run(String label, Path work, String layerPath, Path db, String backend, double seconds)
            throws Exception {
        Path root = work.resolve("layer-" + layerPath.replace('/', '_'));
        Files.createDirectories(root.resolve(layerPath).getParent());
        Files.copy(db, root.resolve(layerPath), StandardCopyOption.REPLACE_EXISTING);
        Layer layer = new DirectoryLayer(Digest.of("sha256", label.getBytes(StandardCharsets.UTF_8)), root);
        RpmPackageScanner scanner = new RpmPackageScanner();

        int packages = scanner.scan(layer).size();
        long warmEnd = System.nanoTime() + (long) (seconds / 2 * 1e9); // let the JIT settle first
        while (System.nanoTime() < warmEnd) {
            scanner.scan(layer);
        }
        int scans = 0;
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        List<Package> last = List.of();
        while (System.nanoTime() < end || scans < 3) {
            last = scanner.scan(layer);
            scans++;
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        if (last.size() != packages) {
            throw new IllegalStateException("rpm bench: scans disagree: " + packages + " vs " + last.size());
        }
        String rpm = backend == null ? "n/a" : String.format(Locale.ROOT, "%.1f", rpmQaMillis(db.getParent(), backend));
        System.out.printf(Locale.ROOT, "%-34s %9.1f %9d %10.2f %12.0f %12s%n", label, Files.size(db) / 1e6, packages,
                elapsed * 1000 / scans, packages * scans / elapsed, rpm);
    }

    /** Median wall time of five {@code rpm -qa} runs: process start, database open and header formatting. */
    private static double rpmQaMillis(Path dir, String backend) throws Exception {
        List<Double> runs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long t = System.nanoTime();
            if (exec(List.of("rpm", "--dbpath", dir.toAbsolutePath().toString(), "--define", "_db_backend " + backend,
                    "-qa", "--qf", "%{NAME}\\t%{EPOCHNUM}\\t%{VERSION}\\t%{RELEASE}\\t%{ARCH}\\t%{SOURCERPM}\\n")) != 0) {
                return Double.NaN;
            }
            runs.add((System.nanoTime() - t) / 1e6);
        }
        runs.sort(Comparator.naturalOrder());
        return runs.get(runs.size() / 2);
    }

    /** The CentOS database converted to SQLite by rpm itself, or null when rpm is not installed. */
    private static Path convert(Path work) throws Exception {
        Path dir = work.resolve("sqlite-oracle");
        Files.createDirectories(dir);
        Files.copy(CENTOS, dir.resolve("Packages"));
        try {
            if (exec(List.of("rpmdb", "--dbpath", dir.toString(), "--define", "_db_backend sqlite", "--rebuilddb")) != 0) {
                return null;
            }
        } catch (IOException e) {
            System.err.println("rpm bench: rpmdb not installed, skipping the SQLite figures");
            return null;
        }
        return dir.resolve("rpmdb.sqlite");
    }

    private static int exec(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
