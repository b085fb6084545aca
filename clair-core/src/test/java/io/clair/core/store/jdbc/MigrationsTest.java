package io.clair.core.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.clair.core.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

class MigrationsTest {

    @Test
    void everyRoleMigratesOnceAndIsIdempotent() throws Exception {
        DataSource ds = TestDatabase.createDataSource();
        for (String role : Migrations.ROLES) {
            assertThat(Migrations.migrate(ds, role)).as(role).isPositive();
            assertThat(Migrations.migrate(ds, role)).as(role + " second run").isZero();
        }
        assertThat(tables(ds)).contains("manifest", "layer_scan", "index_report", "manifest_index", "vulnerability",
                "update_operation", "uo_vuln", "notification", "receipt", "flyway_indexer_history",
                "flyway_vulnstore_history", "flyway_notifier_history");
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM Vulnerability")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getLong(1)).isZero();
        }
    }

    private static List<String> tables(DataSource ds) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
