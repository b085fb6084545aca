package io.clair.bench;

import io.clair.core.ecosystem.alpine.AlpineDistributions;
import io.clair.core.index.Distribution;
import io.clair.core.index.Environment;
import io.clair.core.index.IndexReport;
import io.clair.core.index.IndexState;
import io.clair.core.index.Package;
import io.clair.core.index.PackageKind;
import io.clair.core.manifest.Digest;
import io.clair.core.match.VulnerabilityMatcher;
import io.clair.core.plugin.PluginContext;
import io.clair.core.plugin.Plugins;
import io.clair.core.store.jdbc.JdbcVulnerabilityStore;
import io.clair.core.version.VersionScheme;
import io.clair.core.vuln.Fingerprint;
import io.clair.core.vuln.Vulnerability;
import io.clair.core.vuln.VulnerabilityReport;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Latency of matching one 500-package report against a store of {@code vulns} vulnerabilities: the whole
 * {@code VulnerabilityMatcher.match} of the services (every installed matcher and enricher) over
 * {@code JdbcVulnerabilityStore}, on one warm connection as a pool gives. The store is filled through
 * {@code recordUpdate} with {@link VulnCorpus} records (real feed records replicated under synthetic package names).
 * The report is an Alpine 3.11 image: every package the real 3.11 secdb names plus their first synthetic copies, up
 * to 500, each at the lowest or the highest version its records fix (so some are vulnerable and some are not).
 * Prints p50/p95/p99 over {@code iterations} matches after a warm-up, and EXPLAIN (ANALYZE, BUFFERS) of the
 * candidate query as the store sent it.
 *
 * <pre>
 * mvn -o -q -pl clair-core,clair-bench -am package -DskipTests
 * createdb -h 127.0.0.1 -U postgres bench_store
 * java -Xmx1g -cp clair-bench/target/benchmarks.jar io.clair.bench.MatchLatencyBench \
 *     [vulns=2000000] [iterations=300] [reload=true] [jdbcUrl=jdbc:postgresql://127.0.0.1:5432/bench_store]
 * </pre>
 * With {@code reload=false} an earlier run's schema {@code bench_match} is matched against as it is.
 */
public final class MatchLatencyBench {
    private static final String SCHEMA = "bench_match";
    private static final String RELEASE = "v3.11";
    private static final int PACKAGES = 500;

    private MatchLatencyBench() {
    }

    public static void main(String[] args) throws Exception {
        long vulns = args.length > 0 ? Long.parseLong(args[0]) : 2_000_000;
        int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        boolean reload = args.length <= 2 || Boolean.parseBoolean(args[2]);
        String url = args.length > 3 ? args[3] : "jdbc:postgresql://127.0.0.1:5432/bench_store";
        BenchDb db = new BenchDb(url, "postgres");
        VulnCorpus corpus = VulnCorpus.load();
        PGSimpleDataSource ds;
        if (reload) {
            ds = db.freshVulnstore(SCHEMA);
            try (OneConnectionPool pool = new OneConnectionPool(ds)) {
                long t = System.nanoTime();
                new JdbcVulnerabilityStore(pool).recordUpdate("bench-match", new Fingerprint("bench"),
                        corpus.replicated(vulns), null);
                System.out.printf(Locale.ROOT, "loaded %d records in %.1f s%n", vulns, (System.nanoTime() - t) / 1e9);
                try (Statement s = pool.connection().createStatement()) {
                    s.execute("VACUUM ANALYZE");
                }
            }
        } else {
            ds = db.dataSource(SCHEMA);
        }
        IndexReport report = report(corpus);
        try (OneConnectionPool pool = new OneConnectionPool(ds)) {
            System.out.printf(Locale.ROOT, "store: %d vulnerabilities; report: %d packages (%s)%n",
                    UpdateLoadBench.count(pool.connection(), "vulnerability"), report.packages().size(),
                    report.distributions().get("1").prettyName());
            Plugins plugins = Plugins.load();
            PluginContext ctx = PluginContext.defaults();
            VulnerabilityMatcher matcher = new VulnerabilityMatcher(new JdbcVulnerabilityStore(pool),
                    plugins.matchers(ctx), plugins.enrichers(ctx), null);
            pool.watch("package_name = ANY");
            VulnerabilityReport r = null;
            for (int i = 0; i < Math.max(20, iterations / 5); i++) {
                r = matcher.match(report);
            }
            long[] nanos = new long[iterations];
            for (int i = 0; i < iterations; i++) {
                long t = System.nanoTime();
                r = matcher.match(report);
                nanos[i] = System.nanoTime() - t;
            }
            Arrays.sort(nanos);
            System.out.printf(Locale.ROOT, "matched: %d vulnerabilities in %d packages%n", r.vulnerabilities().size(),
                    r.packageVulnerabilities().size());
            System.out.printf(Locale.ROOT, "match latency over %d runs: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, "
                    + "min %.1f ms, max %.1f ms%n", iterations, pct(nanos, 50), pct(nanos, 95), pct(nanos, 99),
                    nanos[0] / 1e6, nanos[nanos.length - 1] / 1e6);
            explain(pool.connection(), pool.last());
        }
    }

    private static double pct(long[] sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    /** The report: Alpine 3.11 packages named as the store's 3.11 records, real names first, then copy 1. */
    static IndexReport report(VulnCorpus corpus) {
        Distribution dist = AlpineDistributions.release(RELEASE);
        VersionScheme apk = VersionScheme.of("apk");
        Map<String, List<String>> fixedByName = new TreeMap<>();
        for (Vulnerability v : corpus.base()) {
            if (v.distribution() != null && v.distribution().prettyName().equals(dist.prettyName())
                    && !v.fixedInVersion().isEmpty() && valid(apk, v.fixedInVersion())) {
                fixedByName.computeIfAbsent(v.pkg().name(), k -> new ArrayList<>()).add(v.fixedInVersion());
            }
        }
        Map<String, Package> packages = new LinkedHashMap<>();
        Map<String, List<Environment>> envs = new LinkedHashMap<>();
        Digest layer = Digest.of("sha256", "bench-layer".getBytes(StandardCharsets.UTF_8));
        for (int k = 0; packages.size() < PACKAGES; k++) {
            for (Map.Entry<String, List<String>> e : fixedByName.entrySet()) {
                if (packages.size() == PACKAGES) {
                    break;
                }
                List<String> fixed = new ArrayList<>(e.getValue());
                fixed.sort(apk::compare);
                String version = packages.size() % 2 == 0 ? fixed.get(0) : fixed.get(fixed.size() - 1);
                String name = VulnCorpus.copyName(e.getKey(), k);
                String id = Integer.toString(packages.size() + 1);
                Package src = Package.builder(name, version).kind(PackageKind.SOURCE).build();
                packages.put(id, Package.builder(name, version).id(id).kind(PackageKind.BINARY).source(src)
                        .arch("x86_64").packageDb("lib/apk/db/installed").build());
                envs.put(id, List.of(new Environment("lib/apk/db/installed", layer, "1", List.of())));
            }
        }
        Distribution d = new Distribution("1", dist.did(), dist.name(), dist.version(), dist.versionCodeName(),
                dist.versionId(), dist.arch(), dist.cpe(), dist.prettyName());
        return new IndexReport(Digest.of("sha256", "bench-manifest".getBytes(StandardCharsets.UTF_8)),
                IndexState.IndexFinished, packages, Map.of("1", d), Map.of(), envs, true, "");
    }

    /** A few secdb entries fix versions apk would not install (e.g. {@code 2.7.16-33}); no image has them. */
    private static boolean valid(VersionScheme scheme, String version) {
        try {
            scheme.compare(version, version);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static void explain(Connection c, OneConnectionPool.Executed q) throws SQLException {
        if (q == null) {
            System.out.println("no candidate query was seen");
            return;
        }
        System.out.println("candidate query: " + q.sql());
        // with the settings the store gives its candidate query (JdbcVulnerabilityStore's short queries)
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("SET LOCAL max_parallel_workers_per_gather = 0; SET LOCAL jit = off");
        }
        try (PreparedStatement ps = c.prepareStatement("EXPLAIN (ANALYZE, BUFFERS) " + q.sql())) {
            for (Map.Entry<Integer, Object> p : q.params().entrySet()) {
                ps.setObject(p.getKey(), p.getValue());
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    System.out.println(rs.getString(1));
                }
            }
        } finally {
            c.rollback();
            c.setAutoCommit(true);
        }
    }
}
