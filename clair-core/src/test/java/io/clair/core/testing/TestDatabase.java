package io.clair.core.testing;

import io.clair.core.store.jdbc.DatabaseUrl;
import io.clair.core.store.jdbc.EmbeddedDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Real PostgreSQL databases for tests: a fresh, empty database per call, dropped when the JVM exits.
 *
 * <p>Where the server comes from, in order: {@code CLAIR_TEST_DATABASE_URL} (a server admin URL); the local server at
 * 127.0.0.1:5432 (user postgres, as on CI machines); else an embedded server started once per JVM. So the tests
 * pass with the local PostgreSQL running and with it stopped.
 */
public final class TestDatabase {
    private static DatabaseUrl admin;
    private static EmbeddedDatabase embedded;

    private TestDatabase() {
    }

    /** Connection settings of a new empty database. */
    public static synchronized DatabaseUrl create() {
        DatabaseUrl a = admin();
        String name = "clair_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)
                .toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(a.jdbcUrl(), a.user(), a.password());
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("test database: cannot create " + name + ": " + e.getMessage(), e);
        }
        DatabaseUrl db = new DatabaseUrl(a.jdbcUrl().replaceFirst("/[^/?]*(\\?|$)", "/" + name + "$1"), a.user(),
                a.password());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(a, name)));
        return db;
    }

    /** A data source for a new empty database. */
    public static PGSimpleDataSource createDataSource() {
        DatabaseUrl u = create();
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(u.jdbcUrl());
        ds.setUser(u.user());
        ds.setPassword(u.password());
        return ds;
    }

    /** Which server the tests use, for messages. */
    public static synchronized String describe() {
        return embedded != null ? "embedded postgres on port " + embedded.port() : admin().jdbcUrl();
    }

    private static DatabaseUrl admin() {
        if (admin != null) {
            return admin;
        }
        String env = System.getenv("CLAIR_TEST_DATABASE_URL");
        if (env != null && !env.isBlank()) {
            admin = DatabaseUrl.parse(env);
            return admin;
        }
        DatabaseUrl local = new DatabaseUrl("jdbc:postgresql://127.0.0.1:5432/postgres?connectTimeout=2",
                "postgres", "");
        try (Connection c = DriverManager.getConnection(local.jdbcUrl(), local.user(), local.password())) {
            admin = local;
            return admin;
        } catch (SQLException e) {
            // no local server: fall back to the embedded one
        }
        try {
            Path dir = Files.createTempDirectory("clair-test-pg");
            dir.toFile().setWritable(true, false);
            dir.toFile().setExecutable(true, false);
            dir.toFile().setReadable(true, false);
            embedded = EmbeddedDatabase.start(dir.resolve("data"));
        } catch (IOException e) {
            throw new UncheckedIOException("test database: no local PostgreSQL and the embedded one failed", e);
        }
        admin = embedded.url("postgres");
        return admin;
    }

    private static void drop(DatabaseUrl a, String name) {
        try (Connection c = DriverManager.getConnection(a.jdbcUrl(), a.user(), a.password());
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            // best effort at exit; a leftover test database is harmless
        }
    }
}
