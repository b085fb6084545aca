package io.clair.matcher;

import static io.restassured.RestAssured.given;
import static net.javacrumbs.jsonunit.assertj.JsonAssertions.assertThatJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.clair.core.ecosystem.alpine.AlpineDistributions;
import io.clair.core.ecosystem.alpine.SecDbParser;
import io.clair.core.enrich.cvss.CvssEnricher;
import io.clair.core.enrich.cvss.NvdFeedParser;
import io.clair.core.index.Package;
import io.clair.core.store.VulnerabilityStore;
import io.clair.core.testing.TestData;
import io.clair.core.vuln.Enrichment;
import io.clair.core.vuln.Fingerprint;
import io.clair.core.vuln.UpdateOperation;
import io.clair.core.vuln.Vulnerability;
import io.clair.service.testing.ClairTestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** The matcher service, taking index reports over HTTP from an indexer, on real Postgres and real feed data. */
@QuarkusTest
@WithTestResource(ClairTestDatabase.class)
@WithTestResource(IndexerStub.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MatcherApiTest {
    @Inject
    VulnerabilityStore store;

    private static String digest() {
        return IndexerStub.alpine.manifestHash().toString();
    }

    @Test
    @Order(1)
    void beforeAnyDataTheReportIsValidEmptyAndNotCached() {
        given().get("/matcher/api/v1/vulnerability_report/" + digest()).then().statusCode(200)
                .header("Clair-Vulnerability-Data", "not-ready").header("Cache-Control", "no-store")
                .body("vulnerabilities", equalTo(Map.of())).body("package_vulnerabilities", equalTo(Map.of()))
                .body("packages.size()", equalTo(IndexerStub.alpine.packages().size()));
    }

    @Test
    @Order(2)
    void reportsMatchesWithEveryFieldQuayRequires() throws Exception {
        Package busybox = IndexerStub.alpine.packages().values().stream().filter(p -> p.name().equals("busybox"))
                .findFirst().orElseThrow();
        String fixedAbove = busybox.version().replaceFirst("-r(\\d+)$", "") + "-r99";
        String secdb = "{\"distroversion\":\"v3.6\",\"reponame\":\"main\",\"packages\":[{\"pkg\":{\"name\":\"busybox\","
                + "\"secfixes\":{\"" + fixedAbove + "\":[\"CVE-2099-0001\"],\"0\":[\"CVE-2099-0002\"]}}}]}";
        List<Vulnerability> vulns = new ArrayList<>(new SecDbParser("alpine-main-v3.6-updater",
                AlpineDistributions.release("v3.6")).parse(new ByteArrayInputStream(secdb.getBytes(StandardCharsets.UTF_8))));
        try (InputStream in = Files.newInputStream(TestData.path("alpine/secdb/v3.6/main.json"))) {
            vulns.addAll(new SecDbParser("alpine-main-v3.6-updater", AlpineDistributions.release("v3.6")).parse(in));
        }
        store.recordUpdate("alpine-main-v3.6-updater", new Fingerprint("f1"), vulns, null);

        JsonPath r = given().get("/matcher/api/v1/vulnerability_report/" + digest()).then().statusCode(200)
                .header("Cache-Control", "max-age=60")
                .header("Content-Type", containsString("application/vnd.clair.vulnerability_report.v1+json"))
                .extract().jsonPath();
        for (String f : List.of("manifest_hash", "packages", "distributions", "environments", "vulnerabilities",
                "package_vulnerabilities")) {
            assertThat((Object) r.get(f)).as(f).isNotNull();
        }
        Map<String, Map<String, Object>> found = r.getMap("vulnerabilities");
        assertThat(found.values()).extracting(v -> v.get("name")).contains("CVE-2099-0001")
                .doesNotContain("CVE-2099-0002");
        for (Map<String, Object> v : found.values()) {
            assertThat(v).containsKeys("id", "updater", "name", "description", "links", "severity",
                    "normalized_severity", "fixed_in_version");
        }
        String pkgId = IndexerStub.alpine.packages().entrySet().stream()
                .filter(e -> e.getValue().name().equals("busybox")).findFirst().orElseThrow().getKey();
        assertThat(r.getList("package_vulnerabilities." + pkgId + ".collect { it }")).isNotEmpty();
    }

    @Test
    @Order(3)
    void unknownAndBadDigests() {
        given().get("/matcher/api/v1/vulnerability_report/sha256:" + "0".repeat(64)).then().statusCode(404)
                .body("code", equalTo("not-found"));
        given().get("/matcher/api/v1/vulnerability_report/nope").then().statusCode(400)
                .body("code", equalTo("bad-request"));
    }

    @Test
    @Order(4)
    void updateOperationsAndTheirDiff() {
        UpdateOperation first = store.latest("alpine-main-v3.6-updater").orElseThrow();
        List<Vulnerability> current = store.vulnerabilities("alpine-main-v3.6-updater");
        // replace one real record; the synthetic CVE-2099-0001 stays, the legacy endpoints test reads it later
        Vulnerability c = current.stream().filter(v -> !v.name().startsWith("CVE-2099-")).findFirst().orElseThrow();
        List<Vulnerability> next = new ArrayList<>(current);
        next.remove(c);
        next.add(new Vulnerability("", c.updater(), "CVE-2099-9999", c.description(), c.issued(), c.links(),
                c.severity(), c.normalizedSeverity(), c.pkg(), c.distribution(), c.repository(), c.fixedInVersion(),
                c.range(), c.archOp(), c.notVulnerable()));
        UpdateOperation second = store.recordUpdate("alpine-main-v3.6-updater", new Fingerprint("f2"), next, null);

        given().get("/matcher/api/v1/internal/update_operation?kind=vulnerability").then().statusCode(200)
                .header("ETag", "\"" + second.ref() + "\"")
                .body("'alpine-main-v3.6-updater'.ref", equalTo(List.of(second.ref().toString(),
                        first.ref().toString())));
        given().header("If-None-Match", "\"" + second.ref() + "\"")
                .get("/matcher/api/v1/internal/update_operation").then().statusCode(304);
        given().get("/matcher/api/v1/internal/update_diff?prev=" + first.ref() + "&cur=" + second.ref()).then()
                .statusCode(200).body("added.name", equalTo(List.of("CVE-2099-9999")))
                .body("removed.name", equalTo(List.of(c.name())))
                .body("cur.ref", equalTo(second.ref().toString()));
        given().get("/matcher/api/v1/internal/update_diff?prev=" + first.ref()).then().statusCode(400);
    }

    @Test
    @Order(5)
    void legacyNamespacesAndVulnerabilities() {
        given().get("/api/v1/namespaces").then().statusCode(200)
                .body("Namespaces", hasItem(Map.of("Name", "alpine:v3.6", "VersionFormat", "apk")));
        given().get("/api/v1/namespaces/alpine:v3.6").then().statusCode(200)
                .body("Namespace.Name", equalTo("alpine:v3.6"));
        given().get("/api/v1/namespaces/debian:99").then().statusCode(404).body("Error.Message", notNullValue());
        given().get("/api/v1/vulnerabilities/alpine:v3.6/CVE-2099-0001").then().statusCode(200)
                .body("Vulnerability.Name", equalTo("CVE-2099-0001"))
                .body("Vulnerability.FixedIn.Name", hasItem("busybox"));
        JsonPath page1 = given().get("/api/v1/vulnerabilities/os/alpine?limit=5").then().statusCode(200)
                .body("Vulnerabilities", hasSize(5)).body("NextPage", notNullValue()).extract().jsonPath();
        given().get("/api/v1/vulnerabilities/os/alpine:v3.6?limit=5&page=" + page1.getString("NextPage")).then()
                .statusCode(200).body("Vulnerabilities", hasSize(5))
                .body("Vulnerabilities.Name", not(equalTo(page1.getList("Vulnerabilities.Name"))));
    }

    @Test
    @Order(6)
    void theReportCarriesCvssEnrichmentsFromClairCvss() throws Exception {
        Package busybox = IndexerStub.alpine.packages().values().stream().filter(p -> p.name().equals("busybox"))
                .findFirst().orElseThrow();
        String fixedAbove = busybox.version().replaceFirst("-r(\\d+)$", "") + "-r99";
        String secdb = "{\"distroversion\":\"v3.6\",\"reponame\":\"cvss\",\"packages\":[{\"pkg\":{"
                + "\"name\":\"busybox\",\"secfixes\":{\"" + fixedAbove + "\":[\"CVE-2016-2781\"]}}}]}";
        SecDbParser parser = new SecDbParser("alpine-cvss-v3.6-updater", AlpineDistributions.release("v3.6"));
        store.recordUpdate("alpine-cvss-v3.6-updater", new Fingerprint("c1"),
                parser.parse(new ByteArrayInputStream(secdb.getBytes(StandardCharsets.UTF_8))), null);
        List<Enrichment> nvd = new ArrayList<>();
        try (InputStream in = Files.newInputStream(TestData.path("enrichment/feed.json"))) {
            new NvdFeedParser("feed.json").parse(in, nvd::add);
        }
        store.recordEnrichments("clair.cvss", new Fingerprint("nvd"), nvd, null);

        String body = given().get("/matcher/api/v1/vulnerability_report/" + digest()).then().statusCode(200)
                .extract().asString();
        Map<String, Map<String, Object>> vulns = JsonPath.from(body).getMap("vulnerabilities");
        String id = vulns.entrySet().stream().filter(e -> e.getValue().get("name").equals("CVE-2016-2781"))
                .map(Map.Entry::getKey).findFirst().orElseThrow();
        String cvssData = new ObjectMapper().readTree(TestData.path("enrichment/feed.json").toFile())
                .at("/vulnerabilities/0/cve/metrics/cvssMetricV30/0/cvssData").toString();
        assertThatJson(body).node("enrichments").isEqualTo("{\"" + CvssEnricher.TYPE + "\":[{\"" + id + "\":["
                + cvssData + "]}]}");
        assertThatJson(body).node("vulnerabilities." + id + ".normalized_severity").isEqualTo("Medium");
    }
}
