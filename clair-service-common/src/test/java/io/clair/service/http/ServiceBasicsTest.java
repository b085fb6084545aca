package io.clair.service.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.clair.service.testing.ClairTestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(ClairTestDatabase.class)
class ServiceBasicsTest {

    @Test
    void healthEndpointsAnswer() {
        given().get("/health").then().statusCode(200).body("database", equalTo("UP"));
        given().get("/healthz").then().statusCode(200).body(equalTo("ok"));
        given().get("/readyz").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void metricsArePrometheusText() {
        given().get("/metrics").then().statusCode(200).body(containsString("# TYPE jvm_"));
    }

    @Test
    void openApiDocumentInBothFormats() {
        given().accept("application/json").get("/openapi/v1").then().statusCode(200)
                .body("openapi", equalTo("3.1.0")).body("paths", org.hamcrest.Matchers.hasKey(
                        "/indexer/api/v1/index_report"));
        given().accept("application/openapi+yaml").get("/openapi/v1").then().statusCode(200)
                .body(containsString("openapi: 3.1.0"));
    }

    @Test
    void unknownPathGetsClairErrorBody() {
        given().get("/indexer/api/v1/nope").then().statusCode(404).body("code", equalTo("not-found"));
        given().get("/api/v1/nope").then().statusCode(404).body("Error.Message", org.hamcrest.Matchers.notNullValue());
    }
}
