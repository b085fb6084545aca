package io.clair.updater;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.clair.core.store.UpdaterStatus;
import io.clair.core.store.VulnerabilityStore;
import io.clair.core.testing.TestData;
import io.clair.core.vuln.UpdateDiff;
import io.clair.core.vuln.UpdateKind;
import io.clair.core.vuln.UpdateOperation;
import io.clair.service.testing.ClairTestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The updater service end to end: real feed files served locally, every updater run into Postgres through the HTTP
 * trigger; unchanged sources write nothing; a changed source gives a correct diff; a failing source keeps its data.
 */
@QuarkusTest
@WithTestResource(ClairTestDatabase.class)
@WithTestResource(LocalFeeds.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UpdaterApiTest {
    @Inject
    VulnerabilityStore store;
    @Inject
    DataSource dataSource;

    private JsonPath runAndWait() throws InterruptedException {
        given().post("/api/v1/database/update").then().statusCode(202);
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        while (Instant.now().isBefore(deadline)) {
            JsonPath db = given().get("/api/v1/database").then().statusCode(200).extract().jsonPath();
            if (!db.getBoolean("Updating")) {
                return db;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("update run did not finish");
    }

    private long count(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    @Order(1)
    void firstRunLoadsEveryFeed() throws Exception {
        JsonPath db = runAndWait();
        assertThat(db.getBoolean("Initialized")).isTrue();
        List<Map<String, Object>> updaters = db.getList("Updaters");
        assertThat(updaters).extracting(u -> u.get("Name")).contains("alpine-main-v3.6-updater",
                "alpine-community-v3.8-updater", "debian/updater", "ubuntu/updater/jammy", "osv/pypi", "osv/go");
        assertThat(updaters).allSatisfy(u -> {
            assertThat(u.get("LastRunSucceeded")).as(u.get("Name") + ": " + u.get("LastError")).isEqualTo(true);
            assertThat((Integer) u.get("Vulnerabilities")).as((String) u.get("Name")).isPositive();
        });
        long rows = count("SELECT COUNT(*) FROM Vulnerability");
        assertThat(rows).isEqualTo(db.getLong("Vulnerabilities"));
        assertThat(store.updateOperations(UpdateKind.VULNERABILITY, false).values()).allSatisfy(l ->
                assertThat(l).hasSize(1));
    }

    @Test
    @Order(2)
    void anUnchangedSourceWritesNothingNew() throws Exception {
        long ops = count("SELECT COUNT(*) FROM update_operation");
        long vulns = count("SELECT COUNT(*) FROM vulnerability");
        int fetchesBefore = LocalFeeds.server.fullResponses("/osv/PyPI/all.zip");
        runAndWait();
        assertThat(count("SELECT COUNT(*) FROM update_operation")).isEqualTo(ops);
        assertThat(count("SELECT COUNT(*) FROM vulnerability")).isEqualTo(vulns);
        assertThat(LocalFeeds.server.fullResponses("/osv/PyPI/all.zip")).isEqualTo(fetchesBefore);
    }

    @Test
    @Order(3)
    void aChangedSourceYieldsACorrectDiff() throws Exception {
        String json = Files.readString(TestData.path("debian/tracker/debian.json"));
        // drop one CVE of the real excerpt: the next operation must remove exactly that CVE's records
        UpdateOperation before = store.latest("debian/updater").orElseThrow();
        String dropped = store.vulnerabilities("debian/updater").get(0).name();
        String changed = json.replace("\"" + dropped + "\"", "\"" + dropped + "-WITHDRAWN\"");
        assertThat(changed).isNotEqualTo(json);
        LocalFeeds.server.serve("/debian/json", changed.getBytes(StandardCharsets.UTF_8));
        runAndWait();
        UpdateOperation after = store.latest("debian/updater").orElseThrow();
        assertThat(after.ref()).isNotEqualTo(before.ref());
        UpdateDiff diff = store.diff(before.ref(), after.ref());
        assertThat(diff.removed()).isNotEmpty().allSatisfy(v -> assertThat(v.name()).isEqualTo(dropped));
        assertThat(diff.added()).isNotEmpty().allSatisfy(v -> assertThat(v.name()).isEqualTo(dropped + "-WITHDRAWN"));
        assertThat(diff.added()).hasSameSizeAs(diff.removed());
    }

    @Test
    @Order(4)
    void aFailingSourceKeepsItsDataAndOthersStillRun() throws Exception {
        int goBefore = store.vulnerabilityCount("osv/go");
        UpdateOperation pypiBefore = store.latest("osv/pypi").orElseThrow();
        LocalFeeds.server.fail("/osv/Go/all.zip", 500);
        LocalFeeds.server.serve("/alpine/v3.6/main.json", Files.readString(TestData.path("alpine/secdb/v3.6/main.json"))
                .replaceFirst("CVE-", "CVE-CHANGED-").getBytes(StandardCharsets.UTF_8));
        JsonPath db = runAndWait();
        Map<String, Object> go = db.<Map<String, Object>>getList("Updaters").stream()
                .filter(u -> u.get("Name").equals("osv/go")).findFirst().orElseThrow();
        assertThat(go.get("LastRunSucceeded")).isEqualTo(false);
        assertThat((String) go.get("LastError")).contains("500");
        assertThat(store.vulnerabilityCount("osv/go")).isEqualTo(goBefore);
        assertThat(store.latest("osv/pypi").orElseThrow().ref()).isEqualTo(pypiBefore.ref());
        UpdaterStatus alpine = store.statuses().stream().filter(s -> s.updater().equals("alpine-main-v3.6-updater"))
                .findFirst().orElseThrow();
        assertThat(alpine.lastRunSucceeded()).isTrue();
        assertThat(store.updateOperations(UpdateKind.VULNERABILITY, false).get("alpine-main-v3.6-updater")).hasSize(2);
        given().get("/metrics").then().statusCode(200).body(org.hamcrest.Matchers.containsString(
                "clair_updater_runs_total"));
        given().get("/api/v1/database").then().body("Updating", equalTo(false));
    }
}
