package io.clair.service.http;

import io.clair.service.db.SchemaRole;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The test application of this library migrates one schema, as a service would. */
public class TestSchema {
    @Produces
    @Singleton
    SchemaRole schema() {
        return new SchemaRole("indexer");
    }
}
