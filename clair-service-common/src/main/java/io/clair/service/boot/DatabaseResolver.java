package io.clair.service.boot;

import io.clair.core.store.jdbc.DatabaseUrl;
import io.clair.core.store.jdbc.EmbeddedDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Decides where a service's database is, before Quarkus starts, in this order:
 * {@code CLAIR_DATABASE_URL} (env, or {@code -Dclair.database.url}); the connection string of a Clair config file;
 * Quarkus' own {@code quarkus.datasource.jdbc.url} (system property, environment, or
 * {@code config/application.properties}); else the embedded default, kept in {@code CLAIR_DATABASE_EMBEDDED_DIR}
 * ({@code ~/.clair/postgres} by default).
 */
public final class DatabaseResolver {
    private final Map<String, String> env;
    private final Properties sys;

    public DatabaseResolver(Map<String, String> env, Properties sys) {
        this.env = env;
        this.sys = sys;
    }

    /** Where the settings came from and what they are; {@code embedded} is true when nothing was configured. */
    public record Resolution(String source, DatabaseUrl url, boolean embedded, Path embeddedDir) {
    }

    public Resolution resolve(ClairConfigFile configFile) {
        String url = first(sys.getProperty("clair.database.url"), env.get("CLAIR_DATABASE_URL"));
        if (url != null) {
            return new Resolution("CLAIR_DATABASE_URL", DatabaseUrl.parse(url), false, null);
        }
        if (configFile != null && !configFile.connString().isBlank()) {
            return new Resolution(configFile.path().toString(), DatabaseUrl.parse(configFile.connString()), false,
                    null);
        }
        Optional<String> quarkusUrl = quarkusJdbcUrl();
        if (quarkusUrl.isPresent()) {
            return new Resolution("quarkus.datasource.jdbc.url", null, false, null);
        }
        String dir = first(sys.getProperty("clair.database.embedded-dir"), env.get("CLAIR_DATABASE_EMBEDDED_DIR"));
        return new Resolution("embedded", null, true, dir == null ? EmbeddedDatabase.defaultDataDir() : Path.of(dir));
    }

    private Optional<String> quarkusJdbcUrl() {
        String v = first(sys.getProperty("quarkus.datasource.jdbc.url"), env.get("QUARKUS_DATASOURCE_JDBC_URL"));
        if (v != null) {
            return Optional.of(v);
        }
        Path local = Path.of("config", "application.properties");
        if (Files.isRegularFile(local)) {
            Properties p = new Properties();
            try (InputStream in = Files.newInputStream(local)) {
                p.load(in);
            } catch (IOException e) {
                return Optional.empty();
            }
            return Optional.ofNullable(p.getProperty("quarkus.datasource.jdbc.url"));
        }
        return Optional.empty();
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }
}
