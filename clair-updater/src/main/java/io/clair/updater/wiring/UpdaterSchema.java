package io.clair.updater.wiring;

import io.clair.service.db.SchemaRole;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The updater writes the vulnerability store and keeps the notifier's tables. */
public class UpdaterSchema {
    @Produces
    @Singleton
    SchemaRole vulnstoreSchema() {
        return new SchemaRole("vulnstore");
    }

    @Produces
    @Singleton
    SchemaRole notifierSchema() {
        return new SchemaRole("notifier");
    }
}
