package io.clair.core.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabaseUrlTest {

    @Test
    void urlFormAsUsersWriteIt() {
        DatabaseUrl u = DatabaseUrl.parse("postgresql://clair:s%40cret@postgres:5432/clair?sslmode=disable");
        assertThat(u.jdbcUrl()).isEqualTo("jdbc:postgresql://postgres:5432/clair?sslmode=disable");
        assertThat(u.user()).isEqualTo("clair");
        assertThat(u.password()).isEqualTo("s@cret");
    }

    @Test
    void postgresSchemeAndDefaultPort() {
        DatabaseUrl u = DatabaseUrl.parse("postgres://u@db.example/clairdb");
        assertThat(u.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:5432/clairdb");
        assertThat(u.password()).isEmpty();
    }

    @Test
    void libpqKeyValueForm() {
        DatabaseUrl u = DatabaseUrl.parse("host=pg port=5433 dbname=clair user=clair password=x sslmode=disable");
        assertThat(u.jdbcUrl()).isEqualTo("jdbc:postgresql://pg:5433/clair?sslmode=disable");
        assertThat(u.user()).isEqualTo("clair");
        assertThat(u.password()).isEqualTo("x");
    }

    @Test
    void malformedInputsSayWhatIsWrongWithoutThePassword() {
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://user:topsecret@/clair"))
                .hasMessageContaining("no host").hasMessageNotContaining("topsecret");
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://user:topsecret@host:5432"))
                .hasMessageContaining("no database name").hasMessageNotContaining("topsecret");
        assertThatThrownBy(() -> DatabaseUrl.parse("mysql-ish nonsense"))
                .hasMessageContaining("expected postgresql://");
        assertThatThrownBy(() -> DatabaseUrl.parse(" ")).hasMessageContaining("empty");
    }
}
