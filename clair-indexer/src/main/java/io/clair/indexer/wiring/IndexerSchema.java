package io.clair.indexer.wiring;

import io.clair.service.db.SchemaRole;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The indexer owns the {@code indexer} schema. */
public class IndexerSchema {
    @Produces
    @Singleton
    SchemaRole indexerSchema() {
        return new SchemaRole("indexer");
    }
}
