package io.clair.bench;

import io.clair.core.store.jdbc.JdbcVulnerabilityStore;
import io.clair.core.store.jdbc.VulnerabilityCopyReader;
import io.clair.core.vuln.Fingerprint;
import io.clair.core.vuln.Vulnerability;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.Locale;
import org.postgresql.PGConnection;

/**
 * How fast the Postgres vulnerability store records one large update: {@code JdbcVulnerabilityStore.recordUpdate}
 * of {@code rows} records ({@link VulnCorpus}: real feed records replicated under synthetic package names) into a
 * freshly migrated schema, against the baseline of a plain {@code COPY vulnerability (...) FROM STDIN} of the same
 * rows, the same CSV the store writes, into the same empty, identically migrated table. Both include making the CSV
 * (and the content hashes) in Java, as the store must. Prints rows per second of both, the ratio store/COPY, the
 * JVM's CPU time and the server backend's CPU time; then records the same content a second time, which must add no
 * vulnerability row.
 *
 * <pre>
 * mvn -o -q -pl clair-core,clair-bench -am package -DskipTests
 * createdb -h 127.0.0.1 -U postgres bench_store
 * java -Xmx1g -cp clair-bench/target/benchmarks.jar io.clair.bench.UpdateLoadBench \
 *     [rows=1000000] [jdbcUrl=jdbc:postgresql://127.0.0.1:5432/bench_store] [user=postgres]
 * </pre>
 */
public final class UpdateLoadBench {
    private UpdateLoadBench() {
    }

    /** Wall, JVM CPU and server backend CPU seconds of one measured step. */
    private record Cost(long rows, double wall, double jvmCpu, double pgCpu) {
        double rate() {
            return rows / wall;
        }

        String line(String label) {
            return String.format(Locale.ROOT, "%-34s %10d %8.2f %12.0f %9.2f %9.2f", label, rows, wall, rate(),
                    jvmCpu, pgCpu);
        }
    }

    private interface Step {
        long run(OneConnectionPool pool) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        long rows = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        String url = args.length > 1 ? args[1] : "jdbc:postgresql://127.0.0.1:5432/bench_store";
        String user = args.length > 2 ? args[2] : "postgres";
        BenchDb db = new BenchDb(url, user);
        VulnCorpus corpus = VulnCorpus.load();
        System.out.printf(Locale.ROOT, "real records %d, replicated to %d rows%n", corpus.base().size(), rows);

        // Warm-up of both paths on a small update: class loading and the JIT, not measured.
        measure(db, "bench_warm", p -> copy(p, corpus.replicated(20_000)));
        measure(db, "bench_warm", p -> record(p, corpus.replicated(20_000)));

        System.out.printf(Locale.ROOT, "%-34s %10s %8s %12s %9s %9s%n", "step", "rows", "s", "rows/s", "JVM CPU",
                "PG CPU");
        Cost copy = measure(db, "bench_copy", p -> copy(p, corpus.replicated(rows)));
        System.out.println(copy.line("plain COPY into vulnerability"));
        try (OneConnectionPool pool = new OneConnectionPool(db.freshVulnstore("bench_load"))) {
            Cost first = cost(pool, p -> record(p, corpus.replicated(rows)));
            System.out.println(first.line("recordUpdate (new content)"));
            long stored = count(pool.connection(), "vulnerability");
            Cost again = cost(pool, p -> record(p, corpus.replicated(rows)));
            System.out.println(again.line("recordUpdate (same content again)"));
            long after = count(pool.connection(), "vulnerability");
            long links = count(pool.connection(), "uo_vuln");
            System.out.printf(Locale.ROOT, "stored rows %d after the first update, %d after the second (links %d)%n",
                    stored, after, links);
            if (after != stored) {
                throw new IllegalStateException("bench: the second update added rows; deduplication is broken");
            }
            System.out.printf(Locale.ROOT, "ratio recordUpdate / COPY (rows/s): %.2fx, second run %.2fx%n",
                    first.rate() / copy.rate(), again.rate() / copy.rate());
        }
    }

    private static Cost measure(BenchDb db, String schema, Step step) throws Exception {
        try (OneConnectionPool pool = new OneConnectionPool(db.freshVulnstore(schema))) {
            return cost(pool, step);
        }
    }

    private static Cost cost(OneConnectionPool pool, Step step) throws Exception {
        int pid = BenchDb.backendPid(pool.connection());
        double pg0 = BenchDb.processCpuSeconds(pid);
        double jvm0 = BenchDb.jvmCpuSeconds();
        long t = System.nanoTime();
        long n = step.run(pool);
        double wall = (System.nanoTime() - t) / 1e9;
        return new Cost(n, wall, BenchDb.jvmCpuSeconds() - jvm0, BenchDb.processCpuSeconds(pid) - pg0);
    }

    /** The baseline: one COPY of the store's CSV, in one transaction as the store's load is. */
    private static long copy(OneConnectionPool pool, Collection<Vulnerability> vulns) throws Exception {
        Connection c = pool.connection();
        c.setAutoCommit(false);
        VulnerabilityCopyReader csv = new VulnerabilityCopyReader("bench-copy", vulns);
        c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY vulnerability (" + VulnerabilityCopyReader.COLUMNS
                + ") FROM STDIN (FORMAT csv)", csv, 1 << 16);
        c.commit();
        c.setAutoCommit(true);
        return csv.rows();
    }

    private static long record(OneConnectionPool pool, Collection<Vulnerability> vulns) {
        new JdbcVulnerabilityStore(pool).recordUpdate("bench-load", new Fingerprint("bench"), vulns, null);
        return vulns.size();
    }

    static long count(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
