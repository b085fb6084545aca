package io.clair.bench;

import io.clair.core.layer.LayerFetcher;
import io.clair.core.layer.LayerOptions;
import io.clair.core.layer.TarLayer;
import io.clair.core.manifest.Digest;
import io.clair.core.manifest.LayerDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Bench command for layer fetching: serves a large real layer over local HTTP and times fetch + verify + decompress +
 * index against the system decompressors on the same file. Run it with a small heap to show that no layer is held in
 * memory:
 *
 * <pre>
 * mvn -o -q -pl clair-bench -am package -DskipTests
 * java -Xmx64m -Djdk.httpclient.bufsize=65536 -cp clair-bench/target/benchmarks.jar io.clair.bench.LayerFetchBench \
 *     [workDir] [targetMiB] [runs=5]
 * </pre>
 *
 * The JDK HTTP client reads in 16 KiB buffers unless {@code jdk.httpclient.bufsize} says otherwise; 64 KiB halves
 * its CPU cost per byte, which matters once decompression is as fast as zstd's.
 *
 * Each figure is the best of {@code runs}: the machine is shared, and the minimum is the least disturbed run.
 */
public final class LayerFetchBench {
    private LayerFetchBench() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args.length > 0 ? args[0] : "clair-bench/target/layer-bench").toAbsolutePath();
        long target = (args.length > 1 ? Long.parseLong(args[1]) : 400) << 20;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        BenchLayer layer = BenchLayer.build(work, target, List.of(Path.of("/usr/share"), Path.of("/usr/lib")));
        System.out.printf(Locale.ROOT, "layer: tar %,d bytes, gzip %,d, zstd %,d; heap max %d MiB; %d CPUs;"
                + " jdk.httpclient.bufsize=%s; load average %.1f%n",
                Files.size(layer.tar), Files.size(layer.gzip), Files.size(layer.zstd),
                Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors(),
                System.getProperty("jdk.httpclient.bufsize", "default (16384)"),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        Path temp = work.resolve("spool");
        Files.createDirectories(temp);
        HttpClient client = HttpClient.newBuilder().build();
        LayerFetcher fetcher = new LayerFetcher(client, LayerOptions.defaults(temp));
        try (BlobServer server = new BlobServer(layer.gzip, layer.zstd)) {
            for (Path blob : List.of(layer.gzip, layer.zstd)) {
                String tool = blob == layer.gzip ? "gzip" : "zstd";
                LayerDescriptor d = new LayerDescriptor(sha256(blob), server.uri(blob));
                long baseline = Long.MAX_VALUE;
                long baselineCpu = Long.MAX_VALUE;
                long ours = Long.MAX_VALUE;
                long oursCpu = Long.MAX_VALUE;
                long peak = 0;
                long entries = 0;
                fetch(fetcher, d); // warm-up: JIT, page cache, connection
                for (int i = 0; i < runs; i++) {
                    long[] tool2 = timeTool(tool, blob);
                    baseline = Math.min(baseline, tool2[0]);
                    baselineCpu = Math.min(baselineCpu, tool2[1]);
                    resetPeaks();
                    long c0 = processCpu();
                    long t0 = System.nanoTime();
                    entries = fetch(fetcher, d);
                    ours = Math.min(ours, System.nanoTime() - t0);
                    oursCpu = Math.min(oursCpu, processCpu() - c0);
                    peak = Math.max(peak, heapPeak());
                }
                System.out.printf(Locale.ROOT, "%s: %s -dc %.0f ms (cpu %.0f ms); fetch+verify+decompress+index"
                        + " %.0f ms (cpu %.0f ms, incl. the HTTP server), %,d entries; ratio %.2fx wall, %.2fx cpu;"
                        + " peak heap %d MiB%n", tool, tool, baseline / 1e6, baselineCpu / 1e6, ours / 1e6,
                        oursCpu / 1e6, entries, (double) ours / baseline, (double) oursCpu / baselineCpu, peak >> 20);
            }
        }
    }

    private static long fetch(LayerFetcher fetcher, LayerDescriptor d) throws IOException {
        try (TarLayer l = fetcher.fetch(d)) {
            return l.size();
        }
    }

    /**
     * {@code <tool> -dc FILE > /dev/null}: wall time, and user+system CPU as GNU time reports it (the machine is
     * shared, so CPU time is the steadier figure).
     */
    static long[] timeTool(String tool, Path blob) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder("/usr/bin/time", "-f", "%U %S", tool, "-dc", blob.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(p.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException("bench: " + tool + " -dc failed: " + err);
        }
        long wall = System.nanoTime() - t0;
        String[] last = err.strip().lines().reduce((a, b) -> b).orElse("0 0").split(" ");
        long cpu = (long) ((Double.parseDouble(last[0]) + Double.parseDouble(last[1])) * 1e9);
        return new long[] {wall, cpu};
    }

    static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** Sum of the heap pools' peaks: an upper bound on the heap in use at any moment of the run. */
    static long heapPeak() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    static Digest sha256(Path f) throws IOException {
        MessageDigest md = Digest.parse("sha256:" + "0".repeat(64)).newMessageDigest();
        byte[] buf = new byte[1 << 20];
        try (InputStream in = Files.newInputStream(f)) {
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
        }
        return new Digest("sha256", HexFormat.of().formatHex(md.digest()));
    }
}
