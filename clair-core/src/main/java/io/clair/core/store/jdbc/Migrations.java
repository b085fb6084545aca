package io.clair.core.store.jdbc;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.api.resource.LoadableResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the Flyway migrations of one role ({@code indexer}, {@code vulnstore}, {@code notifier}) against a
 * {@link DataSource}. Each role keeps its own history table, so roles deployed as separate services can share one
 * database and migrate independently.
 *
 * <p>Migrations are listed in {@code db/migration/<role>/index.txt} rather than discovered by scanning the class
 * path, because class-path scanning differs between plain Java, Quarkus' class loaders and shaded jars.
 */
public final class Migrations {
    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);

    /** Roles whose schema this library owns. */
    public static final List<String> ROLES = List.of("indexer", "vulnstore", "notifier");

    private Migrations() {
    }

    /** Applies every pending migration of {@code role}; returns how many were applied. */
    public static int migrate(DataSource ds, String role) {
        if (!ROLES.contains(role)) {
            throw new IllegalArgumentException("migrations: unknown role " + role);
        }
        Flyway flyway = Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(ds)
                .table("flyway_" + role + "_history")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .resourceProvider(new ListedResources("db/migration/" + role))
                .locations("classpath:db/migration/" + role)
                .load();
        MigrateResult r = flyway.migrate();
        LOG.atInfo().addKeyValue("role", role).addKeyValue("applied", r.migrationsExecuted)
                .addKeyValue("version", r.targetSchemaVersion).log("migrations done");
        return r.migrationsExecuted;
    }

    /** Flyway resources read from the files named in {@code <dir>/index.txt}. */
    private static final class ListedResources implements ResourceProvider {
        private final List<LoadableResource> resources = new ArrayList<>();

        ListedResources(String dir) {
            ClassLoader cl = Migrations.class.getClassLoader();
            try (InputStream in = cl.getResourceAsStream(dir + "/index.txt")) {
                if (in == null) {
                    throw new IllegalStateException("migrations: " + dir + "/index.txt is missing");
                }
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                for (String line; (line = r.readLine()) != null; ) {
                    String name = line.trim();
                    if (!name.isEmpty() && !name.startsWith("#")) {
                        resources.add(new ClasspathResource(dir, name));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public LoadableResource getResource(String name) {
            return resources.stream().filter(r -> r.getRelativePath().equals(name) || r.getFilename().equals(name))
                    .findFirst().orElse(null);
        }

        @Override
        public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
            List<LoadableResource> out = new ArrayList<>();
            for (LoadableResource r : resources) {
                if (!r.getFilename().startsWith(prefix)) {
                    continue;
                }
                for (String s : suffixes) {
                    if (r.getFilename().endsWith(s)) {
                        out.add(r);
                        break;
                    }
                }
            }
            return out;
        }
    }

    private static final class ClasspathResource extends LoadableResource {
        private final String path;
        private final String name;

        ClasspathResource(String dir, String name) {
            this.path = dir + "/" + name;
            this.name = name;
        }

        @Override
        public Reader read() {
            InputStream in = Migrations.class.getClassLoader().getResourceAsStream(path);
            if (in == null) {
                throw new IllegalStateException("migrations: " + path + " is listed but missing");
            }
            return new InputStreamReader(in, StandardCharsets.UTF_8);
        }

        @Override
        public String getAbsolutePath() {
            return path;
        }

        @Override
        public String getAbsolutePathOnDisk() {
            return null;
        }

        @Override
        public String getFilename() {
            return name;
        }

        @Override
        public String getRelativePath() {
            return name;
        }
    }
}
