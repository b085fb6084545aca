package io.clair.ctl;

import static io.clair.ctl.CtlRun.clairctl;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.clair.api.mapping.V4Mapper;
import io.clair.core.index.IndexReport;
import io.clair.core.manifest.Digest;
import io.clair.core.match.VulnerabilityMatcher;
import io.clair.core.plugin.PluginContext;
import io.clair.core.plugin.Plugins;
import io.clair.core.store.jdbc.DatabaseUrl;
import io.clair.core.store.jdbc.JdbcIndexerStore;
import io.clair.core.store.jdbc.JdbcVulnerabilityStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * {@code report --local} on real images built here (the Alpine 3.6.5 minirootfs as an OCI layout and as a
 * docker-archive) with a bundle of the real secdb: the report lists exactly what {@code apk info -v} lists, the one
 * expected finding, and the exit status follows the policy.
 */
class LocalReportTest {
    @TempDir
    static Path tmp;
    static Path layout;
    static Path archive;
    static Path bundle;
    static String db;

    @BeforeAll
    static void build() throws Exception {
        layout = AlpineImages.ociLayout(tmp.resolve("layout"));
        archive = AlpineImages.dockerArchive(layout, tmp.resolve("alpine.tar"));
        bundle = AlpineImages.bundle(tmp.resolve("bundle.json.gz"));
        db = TestDb.create();
    }

    static CtlRun.Result local(String... args) {
        List<String> all = new ArrayList<>(List.of("report", "--local", "--database-url", db, "--bundle",
                bundle.toString()));
        all.addAll(List.of(args));
        return clairctl().run(all.toArray(String[]::new));
    }

    @ParameterizedTest
    @ValueSource(strings = {"oci", "docker-archive"})
    void reportListsTheApkPackagesAndTheFinding(String kind) throws Exception {
        String image = kind.equals("oci") ? "oci:" + layout + ":3.6" : "docker-archive:" + archive;
        CtlRun.Result r = local("-o", "json", image);
        assertThat(r.exit()).as(r.toString()).isEqualTo(1);
        JsonNode report = AlpineImages.JSON.readTree(r.out());
        List<String> packages = new ArrayList<>();
        report.get("packages").forEach(p -> packages.add(p.get("name").asText() + "-" + p.get("version").asText()));
        assertThat(packages).containsExactlyInAnyOrderElementsOf(AlpineImages.apkInfo());
        assertThat(report.get("vulnerabilities")).hasSize(1);
        JsonNode vuln = report.get("vulnerabilities").elements().next();
        assertThat(vuln.get("name").asText()).isEqualTo(AlpineImages.FINDING);
        assertThat(vuln.get("fixed_in_version").asText()).isEqualTo(AlpineImages.FIXED);
        assertThat(vuln.get("normalized_severity").asText()).isEqualTo("High");
        TreeSet<String> affected = new TreeSet<>();
        report.get("package_vulnerabilities").fieldNames()
                .forEachRemaining(id -> affected.add(report.get("packages").get(id).get("name").asText()));
        assertThat(affected).containsExactlyElementsOf(AlpineImages.AFFECTED);
        assertThat(report.get("distributions").elements().next().get("pretty_name").asText())
                .startsWith("Alpine Linux v3.6");
    }

    @Test
    void jsonIsWhatTheMatcherReturnsForTheStoredIndexReport() throws Exception {
        CtlRun.Result r = local("-o", "json", "oci:" + layout + ":3.6");
        assertThat(r.exit()).as(r.toString()).isEqualTo(1);
        JsonNode printed = AlpineImages.JSON.readTree(r.out());
        DatabaseUrl u = DatabaseUrl.parse(db);
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(u.jdbcUrl());
        ds.setUser(u.user());
        ds.setPassword(u.password());
        IndexReport index = new JdbcIndexerStore(ds).indexReport(Digest.parse(printed.get("manifest_hash").asText()))
                .orElseThrow();
        VulnerabilityMatcher matcher = new VulnerabilityMatcher(new JdbcVulnerabilityStore(ds),
                Plugins.load().matchers(PluginContext.defaults()), null);
        String expected = AlpineImages.JSON.writeValueAsString(V4Mapper.vulnerabilityReport(matcher.match(index)));
        assertThat(r.out().strip()).isEqualTo(expected);
    }

    @Test
    void textGroupsTheFindingByPackageWithCountsAndASummary() {
        CtlRun.Result r = local("oci:" + layout + ":3.6");
        assertThat(r.exit()).as(r.toString()).isEqualTo(1);
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).startsWith("Image:    oci:").contains("(sha256:");
        assertThat(lines).contains("OS:       Alpine Linux v3.6", "Packages: 13");
        int header = lines.indexOf(lines.stream().filter(l -> l.startsWith("PACKAGE")).findFirst().orElseThrow());
        assertThat(lines.get(header)).matches("PACKAGE +VERSION +VULNERABILITY +SEVERITY +FIXED IN +LINK");
        assertThat(lines.get(header + 1)).matches("musl +1\\.1\\.16-r15 +CVE-2017-15650 +High +1\\.1\\.16-r16 +"
                + "https://security\\.alpinelinux\\.org/vuln/CVE-2017-15650");
        assertThat(lines.get(header + 2)).matches("musl-utils +1\\.1\\.16-r15 +CVE-2017-15650 +High .*");
        assertThat(r.out()).contains("Critical: 0  High: 2  Medium: 0  Low: 0  Negligible: 0  Unknown: 0",
                "2 findings (1 vulnerability) in 2 of 13 packages. 2 at or above the fail-on severity Unknown:"
                        + " exit status 1.");
        assertThat(r.out()).doesNotContain("\u001b[");
        assertThat(r.err()).contains("bundle " + bundle + ": imported");
    }

    @Test
    void cycloneDxSarifAndXmlOfTheRealScan() throws Exception {
        String image = "oci:" + layout + ":3.6";
        CtlRun.Result bom = local("-o", "cyclonedx", image);
        assertThat(bom.exit()).as(bom.toString()).isEqualTo(1);
        org.cyclonedx.model.Bom parsed = new org.cyclonedx.parsers.JsonParser().parse(
                bom.out().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        List<String> purls = parsed.getComponents().stream()
                .filter(c -> c.getType() == org.cyclonedx.model.Component.Type.LIBRARY)
                .map(org.cyclonedx.model.Component::getPurl).sorted().toList();
        assertThat(purls).hasSize(13).contains("pkg:apk/alpine/musl@1.1.16-r15?arch=x86_64&distro=alpine-3.6")
                .allMatch(p -> p.startsWith("pkg:apk/alpine/"));
        assertThat(parsed.getVulnerabilities()).singleElement().satisfies(v -> {
            assertThat(v.getId()).isEqualTo(AlpineImages.FINDING);
            assertThat(v.getAffects()).hasSize(2);
            assertThat(v.getRecommendation()).isEqualTo("upgrade musl to 1.1.16-r16; upgrade musl-utils to"
                    + " 1.1.16-r16");
        });
        JsonNode sarif = AlpineImages.JSON.readTree(local("-o", "sarif", image).out());
        assertThat(sarif.at("/runs/0/tool/driver/rules")).hasSize(1);
        assertThat(sarif.at("/runs/0/results")).hasSize(2).allSatisfy(r -> {
            assertThat(r.get("level").asText()).isEqualTo("error");
            assertThat(r.at("/locations/0/physicalLocation/artifactLocation/uri").asText())
                    .isEqualTo("lib/apk/db/installed");
        });
        String xml = local("-o", "xml", image).out();
        org.w3c.dom.Element suite = (org.w3c.dom.Element) javax.xml.parsers.DocumentBuilderFactory.newInstance()
                .newDocumentBuilder().parse(new java.io.ByteArrayInputStream(xml.getBytes(
                        java.nio.charset.StandardCharsets.UTF_8))).getElementsByTagName("testsuite").item(0);
        assertThat(suite.getAttribute("tests")).isEqualTo("13");
        assertThat(suite.getAttribute("failures")).isEqualTo("2");
    }

    @Test
    void exitStatusIsOneAtOrBelowTheFindingsSeverityAndZeroAbove() {
        String image = "oci:" + layout + ":3.6";
        assertThat(local("--minimum-severity", "High", image).exit()).isEqualTo(1);
        assertThat(local("--minimum-severity", "medium", image).exit()).isEqualTo(1);
        CtlRun.Result above = local("--minimum-severity", "CRITICAL", image);
        assertThat(above.exit()).as(above.toString()).isEqualTo(0);
        assertThat(above.out()).contains("No vulnerabilities at or above Critical found in 13 packages (2 below"
                + " Critical not shown).");
        CtlRun.Result failOn = local("--fail-on", "Critical", image);
        assertThat(failOn.exit()).isEqualTo(0);
        assertThat(failOn.out()).contains("CVE-2017-15650").doesNotContain("exit status 1");
        assertThat(local("--exit-code", "high", image).exit()).isEqualTo(1);
        assertThat(local("--fail-on", "none", image).exit()).isEqualTo(0);
    }

    @Test
    void aSuppressionHidesTheFindingAndSaysSo() throws Exception {
        String image = "oci:" + layout + ":3.6";
        Path all = Files.writeString(tmp.resolve("all.yaml"), """
                - id: CVE-2017-15650
                  reason: musl is not reachable from our entry point
                  expires: 2025-12-31
                """);
        CtlRun.Result hidden = local("--suppressions", all.toString(), image);
        assertThat(hidden.exit()).as(hidden.toString()).isEqualTo(0);
        assertThat(hidden.out()).contains("No vulnerabilities found in 13 packages (2 hidden by suppressions).")
                .doesNotContain("PACKAGE");

        Path one = Files.writeString(tmp.resolve("one.json"), """
                {"suppressions": [{"id": "cve-2017-15650", "package": "musl-utils", "reason": "not installed in\
                 production", "expires": "2025-06-15"}]}
                """);
        CtlRun.Result partly = local("--suppressions", one.toString(), image);
        assertThat(partly.exit()).as(partly.toString()).isEqualTo(1);
        assertThat(partly.out()).contains("1 finding (1 vulnerability) in 1 of 13 packages (1 hidden by"
                + " suppressions).").containsPattern("\nmusl +1\\.1\\.16-r15 +CVE-2017-15650");

        Path expired = Files.writeString(tmp.resolve("expired.yaml"), """
                suppressions:
                  - {id: CVE-2017-15650, reason: accepted until the upgrade, expires: 2025-06-14}
                """);
        CtlRun.Result late = local("--suppressions", expired.toString(), image);
        assertThat(late.exit()).isEqualTo(1);
        assertThat(late.err()).contains("clairctl: warning: suppression CVE-2017-15650 expired on 2025-06-14;"
                + " ignoring it");
        assertThat(late.out()).contains("2 findings (1 vulnerability) in 2 of 13 packages.");
    }

    @Test
    void progressGoesToStderrWhenAskedForAndNeverToStdout() {
        String image = "oci:" + layout + ":3.6";
        CtlRun.Result quiet = local("-o", "json", image);
        assertThat(quiet.err()).doesNotContain("resolving");
        CtlRun.Result forced = local("--progress=always", "-o", "json", image);
        assertThat(forced.err()).contains("clairctl: resolving " + image + "\n", "clairctl: indexing oci:",
                "clairctl: matching 13 packages\n").doesNotContain("\r");
        assertThat(forced.out()).isEqualTo(quiet.out());
    }

    @Test
    void keepGoingReportsTheOtherImagesAndStillExitsTwo() {
        Path missing = tmp.resolve("no-such-layout");
        CtlRun.Result stop = local("oci:" + missing, "oci:" + layout + ":3.6");
        assertThat(stop.exit()).isEqualTo(2);
        assertThat(stop.out()).isEmpty();
        assertThat(stop.errLines()).last().asString().startsWith("clairctl: oci layout: " + missing);
        CtlRun.Result going = local("-k", "oci:" + missing, "oci:" + layout + ":3.6");
        assertThat(going.exit()).isEqualTo(2);
        assertThat(going.out()).contains("CVE-2017-15650");
        assertThat(going.errLines()).last().asString().startsWith("clairctl: oci:" + missing + ": oci layout: ");
    }

    @Test
    void withoutVulnerabilityDataTheReportSaysSo() {
        CtlRun.Result r = clairctl().run("report", "--local", "--database-url", TestDb.create(),
                "oci:" + layout + ":3.6");
        assertThat(r.exit()).as(r.toString()).isEqualTo(0);
        assertThat(r.out()).contains("Note:     the database holds no vulnerability data, so no vulnerabilities"
                + " can be listed: import a bundle");
        CtlRun.Result json = clairctl().run("report", "--local", "--database-url", TestDb.create(), "-o", "json",
                "oci:" + layout + ":3.6");
        assertThat(json.err()).contains("clairctl: warning: the database holds no vulnerability data");
    }

    @Test
    void theEmbeddedDefaultDatabaseIsUsedWhenNoneIsConfigured() throws Exception {
        Path dir = tmp.resolve("embedded");
        CtlRun.Result r = clairctl().env("CLAIR_DATABASE_EMBEDDED_DIR", dir.toString())
                .run("report", "--local", "--bundle", bundle.toString(), "oci:" + layout + ":3.6");
        assertThat(r.exit()).as(r.toString()).isEqualTo(1);
        assertThat(r.out()).contains("CVE-2017-15650");
        assertThat(dir.resolve("PG_VERSION")).exists();
    }
}
