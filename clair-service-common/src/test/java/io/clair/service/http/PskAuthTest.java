package io.clair.service.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyString;

import io.clair.api.auth.PskKey;
import io.clair.api.auth.PskSigner;
import io.clair.service.testing.ClairTestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With a PSK configured, API calls need a token from an allowed issuer; health, metrics and robots stay open. */
@QuarkusTest
@WithTestResource(ClairTestDatabase.class)
@TestProfile(PskAuthTest.WithKey.class)
class PskAuthTest {
    static final String KEY = Base64.getEncoder().encodeToString("secret shared with quay".getBytes());

    public static class WithKey implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("clair.auth.psk.key", KEY, "clair.auth.psk.iss", "quay,clairctl");
        }
    }

    private static String token(String issuer) {
        return new PskSigner(PskKey.fromBase64(KEY), issuer).authorizationHeader();
    }

    @Test
    void apiNeedsAValidTokenFromAnAllowedIssuer() {
        given().get("/indexer/api/v1/index_state").then().statusCode(401).body(emptyString());
        given().header("Authorization", token("someone-else")).get("/indexer/api/v1/index_state").then()
                .statusCode(401);
        given().header("Authorization", new PskSigner(PskKey.fromBase64(
                Base64.getEncoder().encodeToString("wrong".getBytes())), "quay").authorizationHeader())
                .get("/indexer/api/v1/index_state").then().statusCode(401);
        // past authentication this test application has no indexer: 404, not 401
        given().header("Authorization", token("quay")).get("/indexer/api/v1/index_state").then().statusCode(404);
        given().header("Authorization", token("clair-intraservice")).get("/api/v1/namespaces").then().statusCode(404);
    }

    @Test
    void introspectionStaysOpen() {
        given().get("/health").then().statusCode(200);
        given().get("/healthz").then().statusCode(200);
        given().get("/metrics").then().statusCode(200);
        given().get("/robots.txt").then().statusCode(200);
    }
}
