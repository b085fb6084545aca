package io.clair.all;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.clair.core.ecosystem.alpine.AlpineDistributions;
import io.clair.core.ecosystem.alpine.SecDbParser;
import io.clair.core.manifest.Digest;
import io.clair.core.store.VulnerabilityStore;
import io.clair.core.testing.BlobServer;
import io.clair.core.testing.TestData;
import io.clair.core.vuln.Fingerprint;
import io.clair.service.testing.ClairTestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every role in one process: the matcher reads index reports from the shared store, the legacy layer API gets
 * vulnerabilities from the local matcher; no service URLs are configured.
 */
@QuarkusTest
@WithTestResource(ClairTestDatabase.class)
class AllInOneTest {
    private static BlobServer blobs;
    private static Digest layer;

    @Inject
    VulnerabilityStore store;

    @BeforeAll
    static void serve() throws Exception {
        blobs = new BlobServer();
        layer = blobs.add(TestData.path("alpine/alpine-minirootfs-3.6.5-x86_64.tar.gz"));
    }

    @AfterAll
    static void stop() {
        blobs.close();
    }

    @Test
    void indexThenMatchThenLegacyLayerVulnerabilities() throws Exception {
        String manifest = "sha256:" + "a".repeat(63) + "1";
        String body = "{\"hash\":\"" + manifest + "\",\"layers\":[{\"hash\":\"" + layer + "\",\"uri\":\""
                + blobs.uri(layer) + "\"}]}";
        JsonPath ir = given().body(body).post("/indexer/api/v1/index_report").then().statusCode(201)
                .body("state", equalTo("IndexFinished")).extract().jsonPath();
        Map<String, Map<String, Object>> packages = ir.getMap("packages");
        Map<String, Object> musl = packages.values().stream().filter(p -> p.get("name").equals("musl")).findFirst()
                .orElseThrow();
        String fixed = ((String) musl.get("version")).replaceFirst("-r(\\d+)$", "") + "-r99";
        String secdb = "{\"distroversion\":\"v3.6\",\"packages\":[{\"pkg\":{\"name\":\"musl\",\"secfixes\":{\""
                + fixed + "\":[\"CVE-2099-4242\"]}}}]}";
        store.recordUpdate("alpine-main-v3.6-updater", new Fingerprint("x"), new SecDbParser(
                "alpine-main-v3.6-updater", AlpineDistributions.release("v3.6"))
                .parse(new ByteArrayInputStream(secdb.getBytes(StandardCharsets.UTF_8))), null);

        JsonPath vr = given().get("/matcher/api/v1/vulnerability_report/" + manifest).then().statusCode(200)
                .extract().jsonPath();
        assertThat(vr.getList("vulnerabilities.collect { it.value.name }")).contains("CVE-2099-4242");

        given().body("{\"Layer\":{\"Name\":\"" + layer + "\",\"Path\":\"" + blobs.uri(layer) + "\",\"Format\":\"Docker\"}}")
                .post("/api/v1/layers").then().statusCode(201);
        JsonPath lv = given().get("/api/v1/layers/" + layer + "/vulnerabilities?pageSize=100").then().statusCode(200)
                .extract().jsonPath();
        List<Map<String, Object>> rows = lv.getList("Vulnerabilities");
        assertThat(rows).anySatisfy(r -> {
            assertThat(r.get("Name")).isEqualTo("CVE-2099-4242");
            assertThat(r.get("FeatureName")).isEqualTo("musl");
            assertThat(r.get("FixedBy")).isEqualTo(fixed);
            assertThat(r.get("Severity")).isEqualTo("Unknown");
            assertThat(r.get("NamespaceName")).isEqualTo("alpine:v3.6");
        });
        given().get("/api/v1/layers/" + layer + "?vulnerabilities").then().statusCode(200)
                .body("Layer.Features.find { it.Name == 'musl' }.Vulnerabilities.Name", hasItem("CVE-2099-4242"));
        given().get("/api/v1/namespaces").then().statusCode(200).body("Namespaces.Name", hasItem("alpine:v3.6"));
    }
}
