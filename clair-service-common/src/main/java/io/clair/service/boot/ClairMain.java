package io.clair.service.boot;

import io.clair.core.store.jdbc.DatabaseUrl;
import io.clair.core.store.jdbc.EmbeddedDatabase;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Entry point of every Clair service process. Before Quarkus starts it reads a Clair config file
 * ({@code --config FILE} or {@code CLAIR_CONF}), decides where the database is (see {@link DatabaseResolver}),
 * starts the embedded default when nothing is configured, and checks that the database answers. Any problem stops
 * start-up with one line on stderr and exit status 2, not a stack trace.
 */
@QuarkusMain
public final class ClairMain {
    private ClairMain() {
    }

    public static void main(String... args) {
        List<String> rest = new ArrayList<>();
        String configPath = System.getenv("CLAIR_CONF");
        for (int i = 0; i < args.length; i++) {
            if ((args[i].equals("--config") || args[i].equals("-conf") || args[i].equals("-c")) && i + 1 < args.length) {
                configPath = args[++i];
            } else if (args[i].startsWith("--config=")) {
                configPath = args[i].substring("--config=".length());
            } else {
                rest.add(args[i]);
            }
        }
        try {
            ClairConfigFile config = configPath == null || configPath.isBlank() ? null
                    : ClairConfigFile.read(Path.of(configPath));
            if (config != null) {
                // system properties rank above application.properties and below nothing the operator set by -D
                config.properties().forEach((k, v) -> {
                    if (System.getProperty(k) == null) {
                        System.setProperty(k, v);
                    }
                });
            }
            configureDatabase(new DatabaseResolver(System.getenv(), System.getProperties()).resolve(config), config);
        } catch (StartupException | IOException | IllegalArgumentException e) {
            System.err.println("clair: " + e.getMessage());
            System.exit(2);
        }
        Quarkus.run(rest.toArray(String[]::new));
    }

    private static void configureDatabase(DatabaseResolver.Resolution r, ClairConfigFile config)
            throws StartupException {
        DatabaseUrl url = r.url();
        if (r.embedded()) {
            EmbeddedDatabase db;
            try {
                db = EmbeddedDatabase.start(r.embeddedDir());
            } catch (IOException | RuntimeException e) {
                throw new StartupException("cannot start the embedded database in " + r.embeddedDir() + ": "
                        + rootMessage(e) + " (set CLAIR_DATABASE_URL to use a PostgreSQL server instead)");
            }
            Runtime.getRuntime().addShutdownHook(new Thread(db::close, "embedded-postgres-stop"));
            url = db.url("clair");
            System.err.println("clair: no database configured; using the embedded PostgreSQL in " + r.embeddedDir()
                    + " (port " + db.port() + ")");
        }
        if (url == null) {
            return; // Quarkus' own datasource settings apply unchanged
        }
        check(url, r.source());
        set("quarkus.datasource.jdbc.url", url.jdbcUrl());
        if (!url.user().isEmpty()) {
            set("quarkus.datasource.username", url.user());
        }
        if (!url.password().isEmpty()) {
            set("quarkus.datasource.password", url.password());
        }
        if (config != null && config.maxOpenConns() > 0) {
            set("quarkus.datasource.jdbc.max-size", Integer.toString(config.maxOpenConns()));
        }
    }

    private static void check(DatabaseUrl url, String source) throws StartupException {
        String jdbc = url.jdbcUrl() + (url.jdbcUrl().contains("?") ? "&" : "?") + "connectTimeout=10";
        try (Connection c = DriverManager.getConnection(jdbc, url.user(), url.password())) {
            c.isValid(5);
        } catch (SQLException e) {
            throw new StartupException("cannot connect to the database " + url.jdbcUrl() + " (from " + source
                    + "): " + rootMessage(e));
        }
    }

    private static void set(String key, String value) {
        System.setProperty(key, value);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return m == null ? t.getClass().getSimpleName() : m;
    }

    /** A start-up problem whose message is all the operator needs. */
    static final class StartupException extends Exception {
        private static final long serialVersionUID = 1L;

        StartupException(String message) {
            super(message);
        }
    }

}
