package io.clair.service.testing;

import io.clair.core.store.jdbc.DatabaseUrl;
import io.clair.core.testing.TestDatabase;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Gives a {@code @QuarkusTest} its own empty PostgreSQL database: the local server when it runs, the embedded one
 * when it does not (see {@link TestDatabase}).
 */
public class ClairTestDatabase implements QuarkusTestResourceLifecycleManager {
    @Override
    public Map<String, String> start() {
        DatabaseUrl db = TestDatabase.create();
        return Map.of("quarkus.datasource.jdbc.url", db.jdbcUrl(),
                "quarkus.datasource.username", db.user(),
                "quarkus.datasource.password", db.password());
    }

    @Override
    public void stop() {
        // the database is dropped when the test JVM exits
    }
}
