package io.clair.indexer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;

import io.clair.core.manifest.Digest;
import io.clair.core.testing.BlobServer;
import io.clair.core.testing.TestData;
import io.clair.service.testing.ClairTestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Clair v4's indexer API over real layers served from a local HTTP server, on real Postgres. */
@QuarkusTest
@WithTestResource(ClairTestDatabase.class)
class IndexerApiTest {
    private static BlobServer blobs;
    private static Digest alpine;
    private static Digest jessie;

    @BeforeAll
    static void serveLayers() throws IOException {
        blobs = new BlobServer();
        alpine = blobs.add(TestData.path("alpine/alpine-minirootfs-3.20.3-x86_64.tar.gz"));
        jessie = blobs.add(TestData.path("debian/layers/jessie.tar.gz"));
    }

    @AfterAll
    static void stop() {
        blobs.close();
    }

    static String manifest(String name, Digest... layers) {
        StringBuilder b = new StringBuilder("{\"hash\":\"").append(digestOf(name)).append("\",\"layers\":[");
        for (int i = 0; i < layers.length; i++) {
            b.append(i == 0 ? "" : ",").append("{\"hash\":\"").append(layers[i]).append("\",\"uri\":\"")
                    .append(blobs.uri(layers[i])).append("\",\"headers\":{\"Accept\":[\"application/gzip\"]}}");
        }
        return b.append("]}").toString();
    }

    static Digest digestOf(String name) {
        return Digest.of("sha256", name.getBytes(StandardCharsets.UTF_8));
    }

    private static String state() {
        return given().get("/indexer/api/v1/index_state").then().statusCode(200).extract().path("state");
    }

    @Test
    void indexesARealImageAndServesTheReport() throws IOException {
        String state = state();
        Response r = given().body(manifest("alpine-image", alpine)).post("/indexer/api/v1/index_report");
        r.then().statusCode(201)
                .header("ETag", "\"" + state + "\"")
                .header("Location", "/indexer/api/v1/index_report/" + digestOf("alpine-image"))
                .header("Content-Type", containsString("application/vnd.clair.index_report.v1+json"))
                .body("state", equalTo("IndexFinished"))
                .body("success", equalTo(true))
                .body("err", equalTo(""))
                .body("$", hasKey("repository"))
                .body("environments", notNullValue());
        assertThat(r.headers().getValues("Link")).hasSize(2);
        Set<String> apkInfo = new TreeSet<>(Files.readAllLines(
                TestData.path("alpine/alpine-minirootfs-3.20.3-x86_64.apk-info-v.txt")));
        apkInfo.remove("");
        List<String> names = r.jsonPath().getList("packages.collect { it.value.name + '-' + it.value.version }");
        assertThat(new TreeSet<>(names)).isEqualTo(apkInfo);

        given().accept(ContentType.JSON).get("/indexer/api/v1/index_report/" + digestOf("alpine-image")).then()
                .statusCode(200).header("ETag", "\"" + state + "\"").header("Content-Type", containsString("application/json"))
                .body("manifest_hash", equalTo(digestOf("alpine-image").toString()));
        given().header("If-None-Match", "\"" + state + "\"")
                .get("/indexer/api/v1/index_report/" + digestOf("never-indexed")).then().statusCode(304);
        given().header("If-None-Match", "\"" + state + "\"").body(manifest("alpine-image", alpine))
                .post("/indexer/api/v1/index_report").then().statusCode(412);
        given().header("If-None-Match", "\"" + state + "\"").get("/indexer/api/v1/index_state").then()
                .statusCode(304);
    }

    @Test
    void aSecondManifestSharingALayerDoesNotDownloadItAgain() throws IOException {
        Path extra = Files.createTempFile("extra", ".tar");
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(Files.newOutputStream(extra))) {
            byte[] motd = "second layer\n".getBytes(StandardCharsets.UTF_8);
            TarArchiveEntry e = new TarArchiveEntry("etc/motd");
            e.setSize(motd.length);
            tar.putArchiveEntry(e);
            tar.write(motd);
            tar.closeArchiveEntry();
        }
        Digest second = blobs.add(extra);
        given().body(manifest("debian-a", jessie)).post("/indexer/api/v1/index_report").then().statusCode(201)
                .body("state", equalTo("IndexFinished"));
        double reusedBefore = metric("clair_indexer_layers_reused_total");
        given().body(manifest("debian-b", jessie, second)).post("/indexer/api/v1/index_report").then()
                .statusCode(201).body("state", equalTo("IndexFinished"))
                .body("distributions.collect { it.value.did }", hasItems("debian"));
        assertThat(blobs.downloads(jessie)).isEqualTo(1);
        assertThat(blobs.downloads(second)).isEqualTo(1);
        assertThat(metric("clair_indexer_layers_reused_total")).isGreaterThan(reusedBefore);
    }

    @Test
    void badRequestsGetClairErrorBodies() {
        given().body("{not json").post("/indexer/api/v1/index_report").then().statusCode(400)
                .body("code", equalTo("bad-request")).body("message", containsString("malformed JSON"));
        given().body("{\"hash\":\"\",\"layers\":[]}").post("/indexer/api/v1/index_report").then().statusCode(400)
                .body("message", containsString("hash"));
        given().body("{\"hash\":\"" + digestOf("x") + "\",\"layers\":[]}").post("/indexer/api/v1/index_report")
                .then().statusCode(400).body("message", containsString("no layers"));
        given().body("{\"hash\":\"sha256:1234\",\"layers\":[]}").post("/indexer/api/v1/index_report").then()
                .statusCode(400).body("message", containsString("64 lowercase hex"));
        given().get("/indexer/api/v1/index_report/not-a-digest").then().statusCode(400)
                .body("code", equalTo("bad-request"));
        given().get("/indexer/api/v1/index_report/" + digestOf("never-indexed")).then().statusCode(404)
                .body("code", equalTo("not-found")).body("message", equalTo("index report not found"));
        given().accept("text/plain").get("/indexer/api/v1/index_state").then().statusCode(415)
                .body("code", equalTo("unsupported-media-type"));
    }

    @Test
    void bodiesOverTheConfiguredLimitAreRefused() throws Exception {
        // quarkus.http.limits.max-body-size (4M by default); the client announces the body, the server refuses it
        java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1).build();
        java.net.http.HttpResponse<String> r = http.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port
                        + "/indexer/api/v1/index_report")).expectContinue(true)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"hash\":\"" + "x".repeat(5 << 20) + "\"}"))
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(413);
    }

    @Test
    void reportsCarryEveryFieldQuayRequires() {
        Response r = given().body(manifest("quay-fields", alpine)).post("/indexer/api/v1/index_report");
        r.then().statusCode(201).header("ETag", notNullValue());
        var json = r.jsonPath();
        for (String f : List.of("manifest_hash", "state", "packages", "distributions", "environments", "success",
                "err")) {
            assertThat(json.<Object>get(f)).as(f).isNotNull();
        }
        json.<String, java.util.Map<String, Object>>getMap("packages").values().forEach(p ->
                assertThat(p).containsKeys("id", "name", "version"));
        json.<String, List<java.util.Map<String, Object>>>getMap("environments").values().forEach(envs ->
                envs.forEach(e -> assertThat(e).containsKeys("package_db", "introduced_in", "distribution_id")));
    }

    @Test
    void brokenLayersEndInIndexErrorWithAClearMessage() throws IOException {
        Digest claimed = digestOf("claimed-but-different");
        blobs.addAs(claimed, TestData.path("debian/layers/wheezy.tar.gz"));
        given().body(manifest("wrong-digest", claimed)).post("/indexer/api/v1/index_report").then()
                .statusCode(201).body("state", equalTo("IndexError")).body("success", equalTo(false))
                .body("err", containsString("digest mismatch"));
        Digest missing = digestOf("not-served");
        given().body(manifest("missing-layer", missing)).post("/indexer/api/v1/index_report").then()
                .statusCode(201).body("state", equalTo("IndexError")).body("err", containsString("404"));
        String unreachable = "{\"hash\":\"" + digestOf("unreachable") + "\",\"layers\":[{\"hash\":\"" + missing
                + "\",\"uri\":\"http://127.0.0.1:9/blobs/x\"}]}";
        given().body(unreachable).post("/indexer/api/v1/index_report").then().statusCode(201)
                .body("state", equalTo("IndexError")).body("err", containsString("127.0.0.1:9"));
        given().get("/indexer/api/v1/index_report/" + digestOf("missing-layer")).then().statusCode(200)
                .body("state", equalTo("IndexError"));
    }

    @Test
    void deleteOneAndMany() {
        given().body(manifest("to-delete-1", alpine)).post("/indexer/api/v1/index_report").then().statusCode(201);
        given().body(manifest("to-delete-2", alpine)).post("/indexer/api/v1/index_report").then().statusCode(201);
        given().delete("/indexer/api/v1/index_report/" + digestOf("to-delete-1")).then().statusCode(204);
        given().get("/indexer/api/v1/index_report/" + digestOf("to-delete-1")).then().statusCode(404);
        given().body("[\"" + digestOf("to-delete-2") + "\",\"" + digestOf("never-there") + "\"]")
                .delete("/indexer/api/v1/index_report").then().statusCode(200)
                .body("$", equalTo(List.of(digestOf("to-delete-2").toString())));
    }

    @Test
    void manyConcurrentRequestsIndexEachManifestOnceWithoutServerErrors() throws Exception {
        Path[] extras = new Path[10];
        Digest[] layers = new Digest[10];
        for (int i = 0; i < 10; i++) {
            extras[i] = Files.createTempFile("layer" + i, ".tar");
            try (TarArchiveOutputStream tar = new TarArchiveOutputStream(Files.newOutputStream(extras[i]))) {
                byte[] data = ("layer " + i + "\n").getBytes(StandardCharsets.UTF_8);
                TarArchiveEntry e = new TarArchiveEntry("etc/layer-" + i);
                e.setSize(data.length);
                tar.putArchiveEntry(e);
                tar.write(data);
                tar.closeArchiveEntry();
            }
            layers[i] = blobs.add(extras[i]);
        }
        ExecutorService pool = Executors.newFixedThreadPool(50);
        List<Future<Integer>> calls = new ArrayList<>();
        for (int n = 0; n < 200; n++) {
            int i = n % 10;
            calls.add(pool.submit(() -> given().body(manifest("concurrent-" + i, alpine, layers[i]))
                    .post("/indexer/api/v1/index_report").then().extract().statusCode()));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : calls) {
            statuses.add(f.get());
        }
        pool.shutdown();
        assertThat(statuses).allMatch(s -> s == 201 || s == 429, "201 or 429, never 5xx");
        assertThat(statuses).contains(201);
        for (int i = 0; i < 10; i++) {
            assertThat(blobs.downloads(layers[i])).as("layer " + i).isLessThanOrEqualTo(1);
            given().body(manifest("concurrent-" + i, alpine, layers[i])).post("/indexer/api/v1/index_report").then()
                    .statusCode(201).body("state", equalTo("IndexFinished"));
            assertThat(blobs.downloads(layers[i])).as("layer " + i).isEqualTo(1);
        }
        assertThat(blobs.downloads(alpine)).isEqualTo(1);
    }

    private static double metric(String name) {
        String text = given().get("/metrics").then().statusCode(200).extract().asString();
        return text.lines().filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }
}
