package io.clair.core.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class EmbeddedDatabaseTest {

    @Test
    void keepsDataAcrossRestartsInItsDirectory() throws Exception {
        Path base = Files.createTempDirectory("clair-embedded");
        Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path data = base.resolve("pg");
        try (EmbeddedDatabase db = EmbeddedDatabase.start(data)) {
            DatabaseUrl u = db.url("clair");
            try (Connection c = DriverManager.getConnection(u.jdbcUrl(), u.user(), u.password());
                 Statement s = c.createStatement()) {
                s.execute("CREATE TABLE kept (v TEXT)");
                s.execute("INSERT INTO kept VALUES ('still here')");
            }
        }
        assertThat(data.resolve("PG_VERSION")).exists();
        try (EmbeddedDatabase db = EmbeddedDatabase.start(data)) {
            DatabaseUrl u = db.url("clair");
            try (Connection c = DriverManager.getConnection(u.jdbcUrl(), u.user(), u.password());
                 Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT v FROM kept")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("still here");
            }
        }
    }
}
