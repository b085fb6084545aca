package io.clair.ctl;

import io.clair.core.store.jdbc.DatabaseUrl;
import io.clair.core.testing.TestDatabase;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Fresh test databases, as the {@code postgresql://user:pass@host/db} URLs users give {@code --database-url}. */
final class TestDb {
    private TestDb() {
    }

    static String create() {
        return url(TestDatabase.create());
    }

    static String url(DatabaseUrl db) {
        String rest = db.jdbcUrl().substring("jdbc:".length());
        String user = db.user().isEmpty() ? "" : enc(db.user()) + (db.password().isEmpty() ? ""
                : ":" + enc(db.password())) + "@";
        return rest.replaceFirst("^postgresql://", "postgresql://" + user);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
