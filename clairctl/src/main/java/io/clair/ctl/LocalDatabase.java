package io.clair.ctl;

import io.clair.api.config.ClairConfigDocument;
import io.clair.core.store.jdbc.DatabaseUrl;
import io.clair.core.store.jdbc.EmbeddedDatabase;
import io.clair.core.store.jdbc.Migrations;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Function;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The database clairctl works on in-process ({@code report --local}, {@code import-updaters}): the first of
 * {@code --database-url}, {@code CLAIR_DATABASE_URL}, the config file's connection string, else the embedded
 * default that {@code bin/clair} also uses ({@code ~/.clair/postgres}, {@code CLAIR_DATABASE_EMBEDDED_DIR} to move
 * it). Migrations run on open, as the services run them at start-up.
 */
final class LocalDatabase implements AutoCloseable {
    private final DataSource dataSource;
    private final String description;
    private final EmbeddedDatabase embedded;

    private LocalDatabase(DataSource dataSource, String description, EmbeddedDatabase embedded) {
        this.dataSource = dataSource;
        this.description = description;
        this.embedded = embedded;
    }

    /**
     * Opens and migrates the database for {@code roles}.
     *
     * @param connString picks the config file's connection string (indexer's or matcher's)
     */
    static LocalDatabase open(ClairCtl root, String databaseUrl, Function<ClairConfigDocument, String> connString,
                              List<String> roles) {
        String url = databaseUrl;
        String from = "--database-url";
        if (url == null && root.console().env("CLAIR_DATABASE_URL") != null) {
            url = root.console().env("CLAIR_DATABASE_URL");
            from = "CLAIR_DATABASE_URL";
        }
        ClairConfigDocument config = root.config();
        if (url == null && config != null && !connString.apply(config).isBlank()) {
            url = connString.apply(config);
            from = config.path().toString();
        }
        LocalDatabase db = url != null ? external(url, from) : embedded(root);
        try {
            for (String role : roles) {
                Migrations.migrate(db.dataSource, role);
            }
        } catch (RuntimeException e) {
            db.close();
            throw new CtlException("database " + db.description + ": migrations failed: " + rootMessage(e), e);
        }
        return db;
    }

    private static LocalDatabase external(String url, String from) {
        DatabaseUrl u;
        try {
            u = DatabaseUrl.parse(url);
        } catch (IllegalArgumentException e) {
            throw new CtlException(from + ": " + e.getMessage(), e);
        }
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(u.jdbcUrl());
        if (!u.user().isEmpty()) {
            ds.setUser(u.user());
        }
        if (!u.password().isEmpty()) {
            ds.setPassword(u.password());
        }
        String description = u.jdbcUrl().replaceFirst("^jdbc:", "") + " (from " + from + ")";
        try (Connection c = ds.getConnection()) {
            c.isValid(5);
        } catch (SQLException e) {
            throw new CtlException("cannot connect to the database " + description + ": " + e.getMessage(), e);
        }
        return new LocalDatabase(ds, description, null);
    }

    private static LocalDatabase embedded(ClairCtl root) {
        String dirText = root.console().env("CLAIR_DATABASE_EMBEDDED_DIR");
        Path dir = dirText != null ? Path.of(dirText) : EmbeddedDatabase.defaultDataDir();
        root.progress().stage("starting the embedded PostgreSQL in " + dir);
        EmbeddedDatabase db;
        try {
            db = EmbeddedDatabase.start(dir);
        } catch (Exception e) {
            throw new CtlException("cannot start the embedded database in " + dir + ": " + rootMessage(e)
                    + " (is bin/clair running on it? set --database-url or CLAIR_DATABASE_URL instead)", e);
        }
        DatabaseUrl u = db.url("clair");
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(u.jdbcUrl());
        ds.setUser(u.user());
        ds.setPassword(u.password());
        return new LocalDatabase(ds, "embedded in " + dir, db);
    }

    DataSource dataSource() {
        return dataSource;
    }

    String description() {
        return description;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage().strip().replace('\n', ' ');
    }

    @Override
    public void close() {
        if (embedded != null) {
            embedded.close();
        }
    }
}
