package io.clair.core.ecosystem.photon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clair.core.plugin.PluginContext;
import io.clair.core.testing.TestData;
import io.clair.core.update.FetchResult;
import io.clair.core.update.RawHttpServer;
import io.clair.core.update.TestHttpServer;
import io.clair.core.update.TestHttpServer.Validators;
import io.clair.core.update.Updater;
import io.clair.core.vuln.Fingerprint;
import io.clair.core.vuln.Vulnerability;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Photon updater set end to end against a local server that serves Photon's real CVE feed files. */
class PhotonUpdaterTest {
    @TempDir
    Path tmp;
    private TestHttpServer server;

    @BeforeEach
    void setUp() {
        server = TestHttpServer.start();
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    private List<Updater> create(Map<String, Object> config) {
        PluginContext ctx = new PluginContext(HttpClient.newHttpClient(), Clock.systemUTC(), tmp,
                Map.of("photon", config));
        return new PhotonUpdaterFactory(ctx).create();
    }

    @Test
    void defaultsAreReleasesOneToFiveOnVmwaresSite() {
        List<Updater> all = create(Map.of());
        assertThat(all).extracting(Updater::name).containsExactly("photon-updater-1.0", "photon-updater-2.0",
                "photon-updater-3.0", "photon-updater-4.0", "photon-updater-5.0");
        assertThat(((PhotonUpdater) all.get(3)).uri()).isEqualTo(URI.create(
                "https://packages.vmware.com/photon/photon_cve_metadata/cve_data_photon4.0.json"));
        assertThatThrownBy(() -> create(Map.of("releases", List.of("4")))).hasMessageContaining("\"4\" is not N.0");
    }

    @Test
    void fetchesEachReleaseAndThenSeesItUnchanged() throws IOException {
        for (String r : List.of("1.0", "2.0", "3.0")) {
            server.file("/photon/cve_data_photon" + r + ".json", TestData.path("photon/cve_data_photon" + r + ".json"),
                    Validators.ETAG);
        }
        List<Updater> all = create(Map.of("url", server.uri("/photon/").toString(),
                "releases", List.of("1.0", "2.0", "3.0")));
        for (Updater u : all) {
            String release = ((PhotonUpdater) u).release();
            FetchResult.Changed r = (FetchResult.Changed) u.fetch(Fingerprint.NONE);
            List<Vulnerability> got;
            try (InputStream in = Files.newInputStream(r.content())) {
                got = u.parse(in);
            }
            assertThat(got).isNotEmpty().containsExactlyElementsOf(
                    PhotonCveParserTest.parse("photon/cve_data_photon" + release + ".json", release));
            assertThat(u.fetch(r.next())).isInstanceOf(FetchResult.Unchanged.class);
        }
    }

    @Test
    void failuresAreErrors() throws IOException {
        server.status("/photon/cve_data_photon4.0.json", 500);
        Updater u = create(Map.of("url", server.uri("/photon/").toString(), "releases", List.of("4.0", "5.0")))
                .get(0);
        assertThatThrownBy(() -> u.fetch(Fingerprint.NONE)).isInstanceOf(IOException.class)
                .hasMessage("photon: GET " + server.uri("/photon/cve_data_photon4.0.json") + " returned 500");
        Updater missing = create(Map.of("url", server.uri("/photon/").toString(), "releases", List.of("5.0")))
                .get(0);
        assertThatThrownBy(() -> missing.fetch(Fingerprint.NONE)).isInstanceOf(IOException.class)
                .hasMessageEndingWith("returned 404");

        byte[] real = Files.readAllBytes(TestData.path("photon/cve_data_photon3.0.json"));
        try (RawHttpServer raw = RawHttpServer.truncating(Arrays.copyOf(real, real.length / 2), real.length)) {
            Updater t = create(Map.of("url", raw.uri("/photon/").toString(), "releases", List.of("3.0"))).get(0);
            assertThatThrownBy(() -> t.fetch(Fingerprint.NONE)).isInstanceOf(IOException.class)
                    .hasMessageContaining("body truncated");
        }

        server.bytes("/photon/cve_data_photon5.0.json", Arrays.copyOf(real, real.length - 20), Validators.NONE,
                "application/json");
        FetchResult.Changed r = (FetchResult.Changed) missing.fetch(Fingerprint.NONE);
        try (InputStream in = Files.newInputStream(r.content())) {
            assertThatThrownBy(() -> missing.parse(in)).hasMessageStartingWith("photon: malformed CVE feed");
        }
        server.bytes("/photon/cve_data_photon5.0.json", "<html/>".getBytes(StandardCharsets.UTF_8), Validators.NONE,
                "text/html");
        FetchResult.Changed html = (FetchResult.Changed) missing.fetch(Fingerprint.NONE);
        try (InputStream in = Files.newInputStream(html.content())) {
            assertThatThrownBy(() -> missing.parse(in)).hasMessageStartingWith("photon: malformed CVE feed");
        }
    }
}
