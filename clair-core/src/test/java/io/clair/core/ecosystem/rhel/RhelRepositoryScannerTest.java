package io.clair.core.ecosystem.rhel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clair.core.ecosystem.rpm.RpmPlugin;
import io.clair.core.index.Repository;
import io.clair.core.layer.DirectoryLayer;
import io.clair.core.layer.Layer;
import io.clair.core.manifest.Digest;
import io.clair.core.plugin.PluginContext;
import io.clair.core.scan.ScanException;
import io.clair.core.scan.VersionedScanner;
import io.clair.core.update.TestHttpServer;
import io.clair.core.update.TestHttpServer.Validators;
import io.clair.core.vuln.Vulnerability;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The RHEL repository scanner on layers laid out like Red Hat's (content manifest, yum repository files), with a
 * repository-to-CPE mapping in Red Hat's format that maps content sets to CPEs of the real VEX files, so that what
 * the scanner finds can be compared with the repositories the VEX records carry.
 */
class RhelRepositoryScannerTest {
    private static final String APPSTREAM_10 = "rhel-10-for-x86_64-appstream-rpms";
    private static final String OCP_416 = "rhocp-4.16-for-rhel-9-x86_64-rpms";
    private static final String MAPPING = """
            {"data": {
              "rhel-10-for-x86_64-appstream-rpms": {"cpes": ["cpe:/a:redhat:enterprise_linux:10::appstream"]},
              "rhocp-4.16-for-rhel-9-x86_64-rpms": {"cpes": ["cpe:/a:redhat:openshift:4.16::el9"]},
              "rhel-10-for-x86_64-appstream-source-rpms": {"cpes": ["cpe:/a:redhat:rhel_eus:10.0::appstream"]},
              "rhel-9-for-x86_64-baseos-rpms": {"cpes": ["cpe:/o:redhat:enterprise_linux:9::baseos"]},
              "broken": {"cpes": ["not a cpe"]}
            }}
            """;
    @TempDir
    Path tmp;
    private TestHttpServer server;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

    @BeforeEach
    void setUp() {
        server = TestHttpServer.start();
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    private RhelRepositoryScanner scanner(Map<String, Object> config) throws IOException {
        Path work = Files.createDirectories(tmp.resolve("http"));
        return new RhelRepositoryScanner(new PluginContext(HttpClient.newHttpClient(), clock, work,
                Map.of(RhelRepositoryScanner.NAME, config)));
    }

    private Path mappingFile() throws IOException {
        return Files.writeString(tmp.resolve("repository-to-cpe.json"), MAPPING);
    }

    private Layer layer(String name, Map<String, String> files) throws IOException {
        Path root = Files.createDirectories(tmp.resolve(name));
        for (var e : files.entrySet()) {
            Path p = root.resolve(e.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, e.getValue());
        }
        return new DirectoryLayer(Digest.of("sha256", name.getBytes(StandardCharsets.UTF_8)), root);
    }

    private Layer manifestLayer(String... contentSets) throws IOException {
        String sets = String.join("\", \"", contentSets);
        String manifest = "{\"metadata\": {\"icm_version\": 1, \"icm_spec\": \"https://raw.githubusercontent.com/"
                + "containerbuildsystem/atomic-reactor/master/atomic_reactor/schemas/content_manifest.json\","
                + " \"image_layer_index\": 1}, \"content_sets\": [" + (sets.isEmpty() ? "" : "\"" + sets + "\"")
                + "], \"image_contents\": []}";
        return layer("manifest-" + contentSets.length, Map.of(
                "root/buildinfo/content_manifests/ubi10-container-10.0-1.json", manifest,
                "etc/yum.repos.d/other.repo", "[epel]\nenabled=1\n"));
    }

    /** The repository the VEX parser gives a record of {@code file}'s first product. */
    private static Repository vexRepository(String file, String packageName) throws IOException {
        List<Vulnerability> records = VexDocumentParserTest.records(VexDocumentParserTest.read(file));
        return records.stream().filter(v -> v.pkg().name().equals(packageName)).findFirst().orElseThrow()
                .repository();
    }

    @Test
    void contentManifestSetsMapToTheRepositoriesVexRecordsCarry() throws IOException {
        RhelRepositoryScanner s = scanner(Map.of("repo2cpe_mapping_file", mappingFile().toString()));
        List<Repository> got = s.scan(manifestLayer(APPSTREAM_10, OCP_416, "unknown-rpms"));
        assertThat(got).containsExactly(
                vexRepository("rhel/vex/cve-2024-24786-bad-rpmmod.json", "good-pkg"),
                vexRepository("rhel/vex/cve-2024-24786-simple.json", "cri-tools"));
        assertThat(got.get(0).key()).isEqualTo("rhel-cpe-repository");
        assertThat(got.get(0).name()).isEqualTo("cpe:2.3:a:redhat:enterprise_linux:10:*:appstream:*:*:*:*:*");
        // the manifest decides: the layer's repo files are not consulted
        assertThat(s.scan(manifestLayer())).isEmpty();
    }

    @Test
    void withoutAManifestTheEnabledYumRepositoriesAreUsed() throws IOException {
        RhelRepositoryScanner s = scanner(Map.of("repo2cpe_mapping_file", mappingFile().toString()));
        Layer l = layer("yum", Map.of("etc/yum.repos.d/redhat.repo", """
                #
                # Certificate-Based Repositories
                [rhel-10-for-x86_64-appstream-rpms]
                name = Red Hat Enterprise Linux 10 for x86_64 - AppStream (RPMs)
                enabled = 1

                [rhel-10-for-x86_64-appstream-source-rpms]
                name = Red Hat Enterprise Linux 10 for x86_64 - AppStream (Source RPMs)
                enabled = 0
                """, "etc/yum.repos.d/ocp.repo", "[rhocp-4.16-for-rhel-9-x86_64-rpms]\nbaseurl=https://cdn/x\n",
                "etc/yum.repos.d/ocp.repo.rpmnew", "[rhel-9-for-x86_64-baseos-rpms]\n"));
        // files in name order; the disabled source repository and the .rpmnew leftover do not count
        assertThat(s.scan(l)).extracting(Repository::cpe).containsExactly(
                "cpe:2.3:a:redhat:openshift:4.16:*:el9:*:*:*:*:*",
                "cpe:2.3:a:redhat:enterprise_linux:10:*:appstream:*:*:*:*:*");
        assertThat(s.scan(layer("bare", Map.of("etc/os-release", "ID=rhel\n")))).isEmpty();
    }

    @Test
    void withoutAMappingNothingIsFoundAndNothingIsDownloaded() throws IOException {
        RhelRepositoryScanner s = scanner(Map.of());
        assertThat(s.scan(manifestLayer(APPSTREAM_10))).isEmpty();
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void aMappingUrlIsFetchedOnceAndRefreshedConditionally() throws IOException {
        server.bytes("/repository-to-cpe.json", MAPPING.getBytes(StandardCharsets.UTF_8), Validators.ETAG,
                "application/json");
        RhelRepositoryScanner s = scanner(Map.of("repo2cpe_mapping_url",
                server.uri("/repository-to-cpe.json").toString(), "refresh_interval", "PT1H"));
        assertThat(server.requests()).isEmpty();
        assertThat(s.scan(manifestLayer(OCP_416))).extracting(Repository::cpe)
                .containsExactly("cpe:2.3:a:redhat:openshift:4.16:*:el9:*:*:*:*:*");
        assertThat(s.scan(manifestLayer(APPSTREAM_10))).hasSize(1);
        assertThat(server.requests("/repository-to-cpe.json")).hasSize(1);

        clock.advance(Duration.ofMinutes(61));
        assertThat(s.scan(manifestLayer(APPSTREAM_10))).hasSize(1);
        assertThat(server.requests("/repository-to-cpe.json")).hasSize(2);
        assertThat(server.requests("/repository-to-cpe.json").get(1).header("If-None-Match")).isNotBlank();

        // a failed refresh keeps the mapping already loaded
        server.status("/repository-to-cpe.json", 500);
        clock.advance(Duration.ofMinutes(61));
        assertThat(s.scan(manifestLayer(APPSTREAM_10))).hasSize(1);
    }

    @Test
    void anUnreachableMappingFailsTheScanUnlessAFileStandsIn() throws IOException {
        server.status("/repository-to-cpe.json", 500);
        String url = server.uri("/repository-to-cpe.json").toString();
        assertThatThrownBy(() -> scanner(Map.of("repo2cpe_mapping_url", url)).scan(manifestLayer(APPSTREAM_10)))
                .isInstanceOf(IOException.class).hasMessage("rhel-repository-scanner: GET " + url + " returned 500");
        RhelRepositoryScanner both = scanner(Map.of("repo2cpe_mapping_url", url,
                "repo2cpe_mapping_file", mappingFile().toString()));
        assertThat(both.scan(manifestLayer(APPSTREAM_10))).hasSize(1);
    }

    @Test
    void brokenInputsFailWithTheirPath() throws IOException {
        Path bad = Files.writeString(tmp.resolve("bad.json"), "{\"repos\": {}}");
        assertThatThrownBy(() -> scanner(Map.of("repo2cpe_mapping_file", bad.toString()))
                .scan(manifestLayer(APPSTREAM_10))).isInstanceOf(IOException.class)
                .hasMessageContaining(bad + " has no \"data\" object");
        Path missing = tmp.resolve("missing.json");
        assertThatThrownBy(() -> scanner(Map.of("repo2cpe_mapping_file", missing.toString()))
                .scan(manifestLayer(APPSTREAM_10))).hasMessageStartingWith(
                        "rhel-repository-scanner: mapping file " + missing + " unreadable");
        Layer l = layer("broken-manifest", Map.of("root/buildinfo/content_manifests/x.json", "{\"content_sets\": ["));
        assertThatThrownBy(() -> scanner(Map.of("repo2cpe_mapping_file", mappingFile().toString())).scan(l))
                .isInstanceOf(ScanException.class).hasMessageStartingWith(
                        "rhel-repository-scanner: root/buildinfo/content_manifests/x.json: malformed content manifest");
        assertThatThrownBy(() -> scanner(Map.of("refresh_interval", "PT0S")))
                .hasMessageContaining("refresh_interval must be positive");
    }

    @Test
    void theRpmEcosystemCarriesTheScannerConfiguredFromThePluginContext() throws IOException {
        PluginContext ctx = new PluginContext(HttpClient.newHttpClient(), clock, tmp,
                Map.of(RhelRepositoryScanner.NAME, Map.of("repo2cpe_mapping_file", mappingFile().toString())));
        List<VersionedScanner> scanners = new RpmPlugin().ecosystems(ctx).get(0).scanners();
        RhelRepositoryScanner s = scanners.stream().filter(RhelRepositoryScanner.class::isInstance)
                .map(RhelRepositoryScanner.class::cast).findFirst().orElseThrow();
        assertThat(s.kind()).isEqualTo("repository");
        assertThat(s.name()).isEqualTo("rhel-repository-scanner");
        assertThat(s.scan(manifestLayer(APPSTREAM_10))).hasSize(1);
    }

    /** A clock the test moves forward. */
    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
