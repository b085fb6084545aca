package io.clair.indexer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import io.clair.core.manifest.Digest;
import io.clair.core.testing.BlobServer;
import io.clair.core.testing.TestData;
import io.clair.service.testing.ClairTestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Clair v2's layer API, as the curl examples our users follow call it. */
@QuarkusTest
@WithTestResource(ClairTestDatabase.class)
class LegacyLayerApiTest {
    private static BlobServer blobs;
    private static Digest jessie;
    private static Digest extra;

    @BeforeAll
    static void serve() throws IOException {
        blobs = new BlobServer();
        jessie = blobs.add(TestData.path("debian/layers/jessie.tar.gz"));
        Path tar = Files.createTempFile("child", ".tar");
        try (TarArchiveOutputStream out = new TarArchiveOutputStream(Files.newOutputStream(tar))) {
            byte[] data = "child layer\n".getBytes(StandardCharsets.UTF_8);
            TarArchiveEntry e = new TarArchiveEntry("etc/motd");
            e.setSize(data.length);
            out.putArchiveEntry(e);
            out.write(data);
            out.closeArchiveEntry();
        }
        extra = blobs.add(tar);
    }

    @AfterAll
    static void stop() {
        blobs.close();
    }

    private static String layer(String name, String parent, Digest blob) {
        return "{\"Layer\":{\"Name\":\"" + name + "\",\"ParentName\":\"" + parent + "\",\"Format\":\"Docker\","
                + "\"Path\":\"" + blobs.uri(blob) + "\",\"Headers\":{\"Authorization\":\"Bearer x\"}}}";
    }

    @Test
    void postsALayerChainAndListsFeaturesOfTheLayerAndItsAncestors() throws Exception {
        String base = jessie.toString();
        given().contentType("application/json").body(layer(base, "", jessie)).post("/api/v1/layers").then()
                .statusCode(201).body("Layer.Name", equalTo(base)).body("Layer.IndexedByVersion", equalTo(3))
                .body("Layer.Path", equalTo(blobs.uri(jessie).toString()));
        given().body(layer("child-of-jessie", base, extra)).post("/api/v1/layers").then().statusCode(201)
                .body("Layer.ParentName", equalTo(base));

        Response r = given().get("/api/v1/layers/child-of-jessie?features");
        r.then().statusCode(200).body("Layer.NamespaceName", equalTo("debian:8"))
                .body("Layer.Features", hasSize(117))
                .body("Layer.Features.VersionFormat", everyItem(equalTo("dpkg")))
                .body("Layer.Features.AddedBy", everyItem(equalTo(base)));
        // the features are exactly the packages of the base layer's dpkg database
        Path dir = Files.createTempDirectory("jessie");
        new ProcessBuilder("tar", "-xzf", TestData.path("debian/layers/jessie.tar.gz").toString(), "-C",
                dir.toString(), "./var/lib/dpkg/status").inheritIO().start().waitFor();
        Set<String> installed = Files.readString(dir.resolve("var/lib/dpkg/status")).lines()
                .filter(l -> l.startsWith("Package: ")).map(l -> l.substring(9)).collect(Collectors.toCollection(TreeSet::new));
        assertThat(new TreeSet<>(r.jsonPath().<String>getList("Layer.Features.Name"))).isEqualTo(installed);
        given().get("/api/v1/layers/child-of-jessie").then().statusCode(200).body("Layer.Features", equalTo(null));

        // deleting the base deletes what was built on it
        given().delete("/api/v1/layers/" + base).then().statusCode(200);
        given().get("/api/v1/layers/child-of-jessie").then().statusCode(404).body("Error.Message", notNullValue());
    }

    @Test
    void errorsUseClairV2Envelope() {
        given().body(layer("orphan", "no-such-parent", extra)).post("/api/v1/layers").then().statusCode(400)
                .body("Error.Message", containsString("no-such-parent"));
        given().body("{\"Layer\":{\"Name\":\"x\"}}").post("/api/v1/layers").then().statusCode(400)
                .body("Error.Message", containsString("Path"));
        given().body("{nope").post("/api/v1/layers").then().statusCode(400)
                .body("Error.Message", containsString("malformed JSON"));
        given().body("{\"Layer\":{\"Name\":\"gone\",\"Path\":\"http://127.0.0.1:9/blobs/x\"}}")
                .post("/api/v1/layers").then().statusCode(422).body("Error.Message", containsString("127.0.0.1:9"));
        given().get("/api/v1/layers/unknown-layer").then().statusCode(404)
                .body("Error.Message", containsString("unknown-layer"));
        given().delete("/api/v1/layers/unknown-layer").then().statusCode(404);
    }

    @Test
    void vulnerabilitiesNeedAMatcherAndSaySo() {
        given().body(layer("lonely-" + System.nanoTime(), "", extra)).post("/api/v1/layers").then().statusCode(201);
        String name = given().body(layer("layer-needing-vulns", "", extra)).post("/api/v1/layers").then()
                .statusCode(201).extract().path("Layer.Name");
        given().get("/api/v1/layers/" + name + "/vulnerabilities").then().statusCode(503)
                .body("Error.Message", containsString("clair.indexer.matcher-url"));
        assertThat(List.of(name)).isNotEmpty();
    }
}
