package io.clair.indexer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.clair.service.testing.ClairTestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(ClairTestDatabase.class)
class IndexerBootTest {
    @Inject
    DataSource dataSource;

    @Test
    void bootsReadyWithItsSchemasMigrated() throws Exception {
        given().get("/readyz").then().statusCode(200);
        given().get("/health").then().statusCode(200);
        List<String> histories = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT tablename FROM pg_tables WHERE tablename LIKE 'flyway_%_history'")) {
            while (rs.next()) {
                histories.add(rs.getString(1).replace("flyway_", "").replace("_history", ""));
            }
        }
        assertThat(histories).containsExactlyInAnyOrder("indexer");
    }
}
