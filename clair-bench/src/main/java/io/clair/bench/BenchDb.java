package io.clair.bench;

import io.clair.core.store.jdbc.Migrations;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A benchmark's PostgreSQL: one database ({@code bench_store} by default), one fresh schema per measured store, so
 * that runs never see each other's tables. CPU figures for the JVM and for a server backend (read from
 * {@code /proc}, so only when the server runs on this machine).
 */
final class BenchDb {
    private final String url;
    private final String user;

    BenchDb(String url, String user) {
        this.url = url;
        this.user = user;
    }

    /** A data source whose connections work in {@code schema}, dropped and created anew, migrated as vulnstore. */
    PGSimpleDataSource freshVulnstore(String schema) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, "");
                Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            s.execute("CREATE SCHEMA " + schema);
        }
        PGSimpleDataSource ds = dataSource(schema);
        Migrations.migrate(ds, "vulnstore");
        return ds;
    }

    PGSimpleDataSource dataSource(String schema) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(url);
        ds.setUser(user);
        ds.setCurrentSchema(schema);
        return ds;
    }

    /** CPU seconds this JVM has used. */
    static double jvmCpuSeconds() {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return os.getProcessCpuTime() / 1e9;
    }

    /** The server process serving {@code c}. */
    static int backendPid(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** CPU seconds (user + system) of a local process, or NaN when it cannot be read (another machine). */
    static double processCpuSeconds(int pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields 14 and 15 of stat (utime, stime), counted from the state field which is field 3
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }
}
