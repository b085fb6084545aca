package io.clair.service.db;

import io.clair.core.store.jdbc.Migrations;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import java.util.TreeSet;
import javax.sql.DataSource;

/** Runs the migrations of every schema role present in this process before it serves requests. */
@Singleton
public class SchemaMigrator {
    private final DataSource dataSource;
    private final Instance<SchemaRole> roles;
    private volatile boolean done;

    SchemaMigrator(DataSource dataSource, Instance<SchemaRole> roles) {
        this.dataSource = dataSource;
        this.roles = roles;
    }

    void onStart(@Observes @jakarta.annotation.Priority(10) StartupEvent event) {
        TreeSet<String> names = new TreeSet<>();
        roles.forEach(r -> names.add(r.name()));
        for (String role : names) {
            Migrations.migrate(dataSource, role);
        }
        done = true;
    }

    /** True once every schema is migrated. */
    public boolean done() {
        return done;
    }
}
