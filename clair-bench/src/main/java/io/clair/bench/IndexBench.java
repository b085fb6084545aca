package io.clair.bench;

import static io.clair.bench.LayerFetchBench.heapPeak;
import static io.clair.bench.LayerFetchBench.processCpu;
import static io.clair.bench.LayerFetchBench.resetPeaks;
import static io.clair.bench.LayerFetchBench.sha256;
import static io.clair.bench.LayerFetchBench.timeTool;

import io.clair.core.index.IndexReport;
import io.clair.core.index.IndexState;
import io.clair.core.index.Indexer;
import io.clair.core.index.IndexerOptions;
import io.clair.core.layer.Layer;
import io.clair.core.layer.LayerFetcher;
import io.clair.core.layer.LayerOptions;
import io.clair.core.layer.LayerSource;
import io.clair.core.layer.TarLayer;
import io.clair.core.manifest.Digest;
import io.clair.core.manifest.LayerDescriptor;
import io.clair.core.manifest.Manifest;
import io.clair.core.plugin.PluginContext;
import io.clair.core.plugin.Plugins;
import io.clair.core.scan.DistributionScanner;
import io.clair.core.scan.Ecosystem;
import io.clair.core.scan.PackageScanner;
import io.clair.core.scan.RepositoryScanner;
import io.clair.core.scan.VersionedScanner;
import io.clair.core.store.memory.InMemoryIndexerStore;
import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Bench command for a whole first-time index: one large, real layer (a root filesystem's package databases,
 * binaries, libraries and data) served over local HTTP, indexed by the {@link Indexer} with every installed plugin's
 * scanners (the set clairctl uses) into a fresh in-memory store: fetch, verify, decompress, index the tar, run every
 * scanner, coalesce. Timed against the system decompressor on the same file and against a bare
 * {@link LayerFetcher#fetch} of it, runs interleaved, best of {@code runs}. Then, on the same store, a re-index of
 * the same manifest and an index of a second manifest sharing the layer, which must neither download nor scan:
 *
 * <pre>
 * mvn -o -q -pl clair-bench -am package -DskipTests
 * java -Xmx64m -Djdk.httpclient.bufsize=65536 -cp clair-bench/target/benchmarks.jar io.clair.bench.IndexBench \
 *     [workDir=clair-bench/target/index-bench] [targetMiB=400] [runs=3]
 * </pre>
 *
 * Last, the layer is fetched once more and each scanner is run on it alone, to show where the scanning time goes.
 */
public final class IndexBench {
    /** Taken in this order until the target size: what scanners look for first, then bulk. */
    static final List<Path> ROOTS = List.of(Path.of("/etc"), Path.of("/usr/lib/os-release"),
            Path.of("/var/lib/dpkg"), Path.of("/usr/lib/python3"), Path.of("/usr/share/java"),
            Path.of("/usr/share/maven-repo"), Path.of("/usr/sbin"), Path.of("/usr/bin"), Path.of("/usr/lib"),
            Path.of("/usr/share"));

    private IndexBench() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel",
                System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
        Path work = Path.of(args.length > 0 ? args[0] : "clair-bench/target/index-bench").toAbsolutePath();
        long target = (args.length > 1 ? Long.parseLong(args[1]) : 400) << 20;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        BenchLayer layer = BenchLayer.build(work, target, ROOTS);
        Path temp = work.resolve("spool");
        Files.createDirectories(temp);
        HttpClient client = HttpClient.newBuilder().build();
        LayerFetcher fetcher = new LayerFetcher(client, LayerOptions.defaults(temp));
        List<Ecosystem> ecosystems = Plugins.load().ecosystems(PluginContext.defaults());
        AtomicInteger opened = new AtomicInteger();
        AtomicLong openNanos = new AtomicLong();
        LayerSource source = d -> { // counts and times the fetches the indexer asks for
            opened.incrementAndGet();
            long t0 = System.nanoTime();
            try {
                return fetcher.fetch(d);
            } finally {
                openNanos.addAndGet(System.nanoTime() - t0);
            }
        };
        try (BlobServer server = new BlobServer(layer.gzip, layer.zstd)) {
            int entries;
            try (TarLayer l = fetcher.fetch(new LayerDescriptor(sha256(layer.zstd), server.uri(layer.zstd)))) {
                entries = l.size();
            }
            try (Indexer probe = new Indexer(new InMemoryIndexerStore(), source, ecosystems,
                    IndexerOptions.defaults())) {
                System.out.printf(Locale.ROOT, "layer: tar %,d bytes, %,d entries, gzip %,d, zstd %,d; %d scanners"
                        + " in %d ecosystems; heap max %d MiB; %d CPUs; jdk.httpclient.bufsize=%s;"
                        + " load average %.1f%n", Files.size(layer.tar), entries, Files.size(layer.gzip),
                        Files.size(layer.zstd), probe.scanners().size(), ecosystems.size(),
                        Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors(),
                        System.getProperty("jdk.httpclient.bufsize", "default (16384)"), load());
            }
            for (Path blob : List.of(layer.gzip, layer.zstd)) {
                String tool = blob == layer.gzip ? "gzip" : "zstd";
                LayerDescriptor d = new LayerDescriptor(sha256(blob), server.uri(blob));
                Manifest first = manifest("first-" + tool, d);
                Manifest second = manifest("second-" + tool, d);
                long baseline = Long.MAX_VALUE;
                long baselineCpu = Long.MAX_VALUE;
                long fetch = Long.MAX_VALUE;
                long index = Long.MAX_VALUE;
                long inFetch = 0;
                long indexCpu = Long.MAX_VALUE;
                long again = Long.MAX_VALUE;
                long shared = Long.MAX_VALUE;
                long peak = 0;
                IndexReport report = null;
                index(source, ecosystems, first); // warm-up: JIT, page cache, connection
                for (int i = 0; i < runs; i++) {
                    long[] t = timeTool(tool, blob);
                    baseline = Math.min(baseline, t[0]);
                    baselineCpu = Math.min(baselineCpu, t[1]);

                    long f0 = System.nanoTime();
                    try (TarLayer l = fetcher.fetch(d)) {
                        fetch = Math.min(fetch, System.nanoTime() - f0);
                    }

                    InMemoryIndexerStore store = new InMemoryIndexerStore(); // first-time: nothing known
                    try (Indexer indexer = new Indexer(store, source, ecosystems, IndexerOptions.defaults())) {
                        resetPeaks();
                        opened.set(0);
                        openNanos.set(0);
                        long c0 = processCpu();
                        long t0 = System.nanoTime();
                        report = indexer.index(first);
                        long took = System.nanoTime() - t0;
                        if (took < index) {
                            index = took;
                            inFetch = openNanos.get();
                        }
                        indexCpu = Math.min(indexCpu, processCpu() - c0);
                        peak = Math.max(peak, heapPeak());
                        check(report, opened, 1);

                        opened.set(0);
                        t0 = System.nanoTime();
                        IndexReport r2 = indexer.index(first); // the same manifest again
                        again = Math.min(again, System.nanoTime() - t0);
                        check(r2, opened, 0);

                        t0 = System.nanoTime();
                        IndexReport r3 = indexer.index(second); // a new manifest, its one layer known
                        shared = Math.min(shared, System.nanoTime() - t0);
                        check(r3, opened, 0);
                        if (r3.packages().size() != report.packages().size()) {
                            throw new IllegalStateException("bench: second manifest found "
                                    + r3.packages().size() + " packages, first " + report.packages().size());
                        }
                    }
                }
                System.out.printf(Locale.ROOT, "%s: %s -dc %.0f ms (cpu %.0f ms); fetch alone %.0f ms; first index"
                        + " %.0f ms (of which fetch %.0f ms; cpu %.0f ms, incl. the HTTP server); ratio %.2fx wall, %.2fx cpu; index/fetch"
                        + " %.2fx; peak heap %d MiB; re-index same manifest %.2f ms (%.3f%%), new manifest sharing"
                        + " the layer %.2f ms (%.3f%%); load average %.1f%n", tool, tool, baseline / 1e6,
                        baselineCpu / 1e6, fetch / 1e6, index / 1e6, inFetch / 1e6, indexCpu / 1e6, (double) index / baseline,
                        (double) indexCpu / baselineCpu, (double) index / fetch, peak >> 20, again / 1e6,
                        100.0 * again / index, shared / 1e6, 100.0 * shared / index, load());
                System.out.println("  found: " + summary(report));
            }
            perScanner(fetcher, new LayerDescriptor(sha256(layer.zstd), server.uri(layer.zstd)), ecosystems);
        }
    }

    private static void index(LayerSource source, List<Ecosystem> ecosystems, Manifest m) {
        try (Indexer indexer = new Indexer(new InMemoryIndexerStore(), source, ecosystems,
                IndexerOptions.defaults())) {
            IndexReport r = indexer.index(m);
            if (r.state() != IndexState.IndexFinished) {
                throw new IllegalStateException("bench: index failed: " + r.err());
            }
        }
    }

    private static void check(IndexReport r, AtomicInteger opened, int expected) {
        if (r.state() != IndexState.IndexFinished) {
            throw new IllegalStateException("bench: index failed: " + r.err());
        }
        if (opened.get() != expected) {
            throw new IllegalStateException("bench: layer opened " + opened.get() + " times, expected " + expected);
        }
    }

    /** Runs each scanner alone on one fetched layer: where a first index spends its scanning time. */
    private static void perScanner(LayerFetcher fetcher, LayerDescriptor d, List<Ecosystem> ecosystems)
            throws Exception {
        Map<String, VersionedScanner> byName = new TreeMap<>();
        ecosystems.forEach(e -> e.scanners().forEach(s -> byName.putIfAbsent(s.name() + "/" + s.kind(), s)));
        Map<String, long[]> took = new LinkedHashMap<>();
        long f0 = System.nanoTime();
        try (Layer layer = fetcher.fetch(d)) {
            long fetch = System.nanoTime() - f0;
            for (int round = 0; round < 2; round++) { // the best of two is kept, and the first shown
                for (Map.Entry<String, VersionedScanner> e : byName.entrySet()) {
                    long c0 = threadCpu();
                    long t0 = System.nanoTime();
                    int found = scan(e.getValue(), layer);
                    long wall = System.nanoTime() - t0;
                    long cpu = threadCpu() - c0;
                    took.merge(e.getKey(), new long[] {wall, cpu, found, wall, cpu},
                            (a, b) -> new long[] {Math.min(a[0], b[0]), Math.min(a[1], b[1]), b[2], a[3], a[4]});
                }
            }
            List<Map.Entry<String, long[]>> sorted = new ArrayList<>(took.entrySet());
            sorted.sort((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0]));
            long sum = sorted.stream().mapToLong(e -> e.getValue()[0]).sum();
            long sumFirst = sorted.stream().mapToLong(e -> e.getValue()[3]).sum();
            System.out.printf(Locale.ROOT, "per scanner, alone on the fetched zstd layer (fetch %.0f ms): %d"
                    + " scanners, %.0f ms in all (first round %.0f ms)%n", fetch / 1e6, sorted.size(), sum / 1e6,
                    sumFirst / 1e6);
            for (Map.Entry<String, long[]> e : sorted) {
                long[] v = e.getValue();
                System.out.printf(Locale.ROOT, "  %-36s %7.1f ms  cpu %7.1f ms  (first %7.1f ms, cpu %7.1f ms)"
                        + "  found %d%n", e.getKey(), v[0] / 1e6, v[1] / 1e6, v[3] / 1e6, v[4] / 1e6, v[2]);
            }
        }
    }

    private static int scan(VersionedScanner s, Layer layer) throws Exception {
        if (s instanceof PackageScanner p) {
            return p.scan(layer).size();
        } else if (s instanceof DistributionScanner ds) {
            return ds.scan(layer).size();
        }
        return ((RepositoryScanner) s).scan(layer).size();
    }

    private static long threadCpu() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    private static Manifest manifest(String name, LayerDescriptor d) {
        return new Manifest(Digest.of("sha256", name.getBytes(StandardCharsets.UTF_8)), List.of(d));
    }

    /** Packages by package URL type (or package database when there is none), distributions, repositories. */
    private static String summary(IndexReport r) {
        Map<String, Integer> kinds = new TreeMap<>();
        r.packages().values().forEach(p -> {
            String k = p.purl().isEmpty() ? "(no purl)" : p.purl().substring(0, Math.max(p.purl().indexOf('/'), 0));
            kinds.merge(k, 1, Integer::sum);
        });
        List<String> dists = r.distributions().values().stream().map(x -> x.prettyName()).toList();
        return r.packages().size() + " packages " + kinds + "; distributions " + dists + "; "
                + r.repositories().size() + " repositories";
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
