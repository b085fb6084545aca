package io.clair.bench;

import com.sun.net.httpserver.HttpServer;
import io.clair.core.ecosystem.oracle.ElsaParser;
import io.clair.core.ecosystem.rhel.VexUpdaterFactory;
import io.clair.core.ecosystem.suse.SuseDistributions;
import io.clair.core.ecosystem.suse.SuseOvalParser;
import io.clair.core.plugin.PluginContext;
import io.clair.core.update.FetchResult;
import io.clair.core.update.Updater;
import io.clair.core.vuln.Fingerprint;
import io.clair.core.vuln.Vulnerability;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * How the feed parsers scale: records per second and peak heap while parsing, for the largest real OVAL and VEX
 * inputs the shared test data holds and for inputs of about {@code scale} megabytes made from them
 * ({@link FeedInputs}). The VEX runs go through the whole updater, fetch and parse, against a local HTTP server laid
 * out like Red Hat's VEX directory.
 *
 * <pre>
 * mvn -o -q -pl clair-core,clair-bench package -DskipTests
 * java -Xmx512m -cp clair-bench/target/benchmarks.jar io.clair.bench.FeedParsingBench [scale-megabytes]
 * </pre>
 */
public final class FeedParsingBench {
    private static final Path DATA = Path.of("../shared/testdata");

    private FeedParsingBench() {
    }

    private interface Parse {
        List<Vulnerability> run() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        int scale = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        if (!Files.isDirectory(DATA)) {
            System.err.println("feed bench: " + DATA.toAbsolutePath() + " is missing");
            System.exit(2);
        }
        Path work = Files.createTempDirectory("feed-bench");
        try {
            System.out.printf(Locale.ROOT, "max heap %d MB%n", Runtime.getRuntime().maxMemory() >> 20);
            System.out.printf(Locale.ROOT, "%-44s %9s %9s %9s %11s %10s %10s%n", "input", "MB", "records", "s",
                    "records/s", "peak MB", "kept MB");
            Path suse = DATA.resolve("suse/suse_truncated.xml");
            measure("suse/suse_truncated.xml (real)", Files.size(suse), () -> suse(suse));
            Path elsa = DATA.resolve("oracle/ELSA-2007-0057.xml");
            Path big = work.resolve("elsa-scaled.xml");
            int copies = FeedInputs.scaledOval(elsa, big, scale);
            measure("ELSA OVAL x" + copies + " (from ELSA-2007-0057)", Files.size(big), () -> elsa(big));

            Path archive = DATA.resolve("rhel/vex/csaf_vex_2023-10-31.tar.zst");
            measure("VEX archive csaf_vex_2023-10-31 (real)", Files.size(archive), () -> vex(archive, work));
            List<Path> docs = Stream.of("cve-2023-4154.json", "cve-2023-42670.json", "cve-2024-24786-simple.json",
                    "cve-2024-24786-bad-rpmmod.json", "cve-2024-24786-illegal-module.json")
                    .map(f -> DATA.resolve("rhel/vex/" + f)).toList();
            long avg = 0;
            for (Path d : docs) {
                avg += Files.size(d) / docs.size();
            }
            int vexCopies = (int) Math.max(1, (long) scale * 1_000_000 / avg);
            Path scaled = work.resolve("csaf_vex_2099-01-01.tar.zst");
            FeedInputs.scaledVexArchive(docs, scaled, vexCopies);
            measure("VEX archive x" + vexCopies + " docs (" + (vexCopies * avg / 1_000_000) + " MB JSON)",
                    Files.size(scaled), () -> vex(scaled, work));
        } finally {
            try (Stream<Path> w = Files.walk(work)) {
                for (Path p : w.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private static void measure(String label, long bytes, Parse parse) throws Exception {
        parse.run(); // warm-up: class loading and the JIT
        HeapSampler heap = HeapSampler.start();
        long t = System.nanoTime();
        List<Vulnerability> got = parse.run();
        double s = (System.nanoTime() - t) / 1e9;
        long peak = heap.stop();
        long kept = HeapSampler.retained();
        System.out.printf(Locale.ROOT, "%-44s %9.1f %9d %9.2f %11.0f %10.0f %10.0f%n", label, bytes / 1e6,
                got.size(), s, got.size() / s, peak / 1e6, kept / 1e6);
    }

    private static List<Vulnerability> suse(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new SuseOvalParser("suse-updater-bench", SuseDistributions.sles(15)).parse(in);
        }
    }

    private static List<Vulnerability> elsa(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new ElsaParser("oracle-bench-updater").parse(in);
        }
    }

    /** A full VEX load of {@code archive}: fetch from a local server (spooling), then parse the spool. */
    private static List<Vulnerability> vex(Path archive, Path work) throws Exception {
        String name = archive.getFileName().toString();
        Map<String, byte[]> files = new HashMap<>();
        files.put("/vex/archive_latest.txt", name.getBytes(StandardCharsets.UTF_8));
        files.put("/vex/changes.csv", "\"2014/cve-2014-0001.json\",\"2014-01-01T00:00:00+00:00\"\n"
                .getBytes(StandardCharsets.UTF_8));
        files.put("/vex/deletions.csv", "\"2014/cve-2014-0002.json\",\"2014-01-01T00:00:00+00:00\"\n"
                .getBytes(StandardCharsets.UTF_8));
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            try (ex) {
                String path = ex.getRequestURI().getPath();
                if (path.equals("/vex/" + name)) {
                    ex.sendResponseHeaders(200, Files.size(archive));
                    try (OutputStream out = ex.getResponseBody()) {
                        Files.copy(archive, out);
                    }
                    return;
                }
                byte[] b = files.get(path);
                ex.sendResponseHeaders(b == null ? 404 : 200, b == null ? -1 : b.length);
                if (b != null) {
                    try (OutputStream out = ex.getResponseBody()) {
                        out.write(b);
                    }
                }
            }
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/vex/";
            PluginContext ctx = new PluginContext(HttpClient.newHttpClient(), Clock.systemUTC(), work,
                    Map.of("rhel-vex", Map.of("url", url)));
            Updater u = new VexUpdaterFactory(ctx).create().get(0);
            FetchResult.Changed r = (FetchResult.Changed) u.fetch(Fingerprint.NONE);
            try (InputStream in = Files.newInputStream(r.content())) {
                return u.parse(in);
            } finally {
                Files.deleteIfExists(r.content());
            }
        } finally {
            server.stop(0);
        }
    }
}
