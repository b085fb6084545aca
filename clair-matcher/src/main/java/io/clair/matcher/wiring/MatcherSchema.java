package io.clair.matcher.wiring;

import io.clair.service.db.SchemaRole;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The matcher reads the vulnerability store, whose schema it shares with the updater. */
public class MatcherSchema {
    @Produces
    @Singleton
    SchemaRole vulnstoreSchema() {
        return new SchemaRole("vulnstore");
    }
}
