package io.clair.core.ecosystem.suse;

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
import java.io.ByteArrayOutputStream;
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
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SUSE updater set end to end: directory index discovery, then one gzip OVAL file per release. */
class SuseUpdaterTest {
    /** An index as SUSE's directory listing writes it (file names of the real directory, relative hrefs). */
    private static final String INDEX = """
            <html><body><h1>Index of /pub/projects/security/oval/</h1><pre>
            <a href="opensuse.leap.15.4.xml.gz">opensuse.leap.15.4.xml.gz</a>
            <a href="opensuse.leap.15.5.xml.gz">opensuse.leap.15.5.xml.gz</a>
            <a href="opensuse.leap.15.6.xml.gz">opensuse.leap.15.6.xml.gz</a>
            <a href="opensuse.leap.micro.5.5.xml.gz">opensuse.leap.micro.5.5.xml.gz</a>
            <a href="suse.linux.enterprise.desktop.15.xml.gz">suse.linux.enterprise.desktop.15.xml.gz</a>
            <a href="suse.linux.enterprise.server.12.xml.gz">suse.linux.enterprise.server.12.xml.gz</a>
            <a href="suse.linux.enterprise.server.15.xml.gz">suse.linux.enterprise.server.15.xml.gz</a>
            <a href="suse.linux.enterprise.server.15-patch.xml.gz">suse.linux.enterprise.server.15-patch.xml.gz</a>
            <a href="suse.linux.enterprise.server.15.xml.gz.sha256">suse.linux.enterprise.server.15.xml.gz.sha256</a>
            </pre></body></html>
            """;
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

    private List<Updater> create(Map<String, Object> config) throws IOException {
        PluginContext ctx = new PluginContext(HttpClient.newHttpClient(), Clock.systemUTC(), tmp,
                Map.of("suse", config));
        return new SuseUpdaterFactory(ctx).create();
    }

    static byte[] gzip(byte[] plain) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(plain);
        }
        return out.toByteArray();
    }

    @Test
    void discoversSlesAndRecentLeapReleasesFromTheIndex() throws IOException {
        server.bytes("/oval/", INDEX.getBytes(StandardCharsets.UTF_8), Validators.NONE, "text/html");
        List<Updater> got = create(Map.of("url", server.uri("/oval/").toString()));
        assertThat(got).extracting(Updater::name).containsExactly("suse-updater-opensuse.leap.15.5",
                "suse-updater-opensuse.leap.15.6", "suse-updater-suse.linux.enterprise.server.12",
                "suse-updater-suse.linux.enterprise.server.15");
        SuseUpdater sles15 = (SuseUpdater) got.get(3);
        assertThat(sles15.release().distribution()).isEqualTo(SuseDistributions.sles(15));
        assertThat(sles15.uri()).isEqualTo(server.uri("/oval/suse.linux.enterprise.server.15.xml.gz"));
        assertThat(((SuseUpdater) got.get(0)).release().distribution()).isEqualTo(SuseDistributions.leap("15.5"));
    }

    @Test
    void fetchesParsesAndThenSeesTheFileUnchanged() throws IOException {
        byte[] gz = gzip(Files.readAllBytes(TestData.path("suse/suse_truncated.xml")));
        server.bytes("/oval/suse.linux.enterprise.server.15.xml.gz", gz, Validators.LAST_MODIFIED,
                "application/gzip");
        Updater u = create(Map.of("url", server.uri("/oval").toString(),
                "releases", List.of("suse.linux.enterprise.server.15"))).get(0);
        FetchResult.Changed r = (FetchResult.Changed) u.fetch(Fingerprint.NONE);
        List<Vulnerability> got;
        try (InputStream in = Files.newInputStream(r.content())) {
            got = u.parse(in);
        }
        assertThat(got).isNotEmpty().containsExactlyElementsOf(
                SuseOvalParserTest.parse("suse/suse_truncated.xml", SuseDistributions.sles(15)).stream()
                        .map(v -> v.withUpdater("suse-updater-suse.linux.enterprise.server.15")).toList());
        assertThat(u.fetch(r.next())).isInstanceOf(FetchResult.Unchanged.class);
    }

    @Test
    void badConfigurationAndBadIndexesFail() throws IOException {
        assertThatThrownBy(() -> create(Map.of("releases", List.of("opensuse.leap.15.2"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"opensuse.leap.15.2\"");
        server.status("/broken/", 500);
        assertThatThrownBy(() -> create(Map.of("url", server.uri("/broken/").toString())))
                .isInstanceOf(IOException.class).hasMessage("suse: GET " + server.uri("/broken/") + " returned 500");
        server.bytes("/empty/", "<html>nothing</html>".getBytes(StandardCharsets.UTF_8), Validators.NONE, "text/html");
        assertThatThrownBy(() -> create(Map.of("url", server.uri("/empty/").toString())))
                .isInstanceOf(IOException.class).hasMessageStartingWith("suse: no SLES or Leap OVAL files found");
        assertThat(((SuseUpdater) create(Map.of("releases", List.of("opensuse.leap.15.6"))).get(0)).uri())
                .isEqualTo(URI.create("https://ftp.suse.com/pub/projects/security/oval/opensuse.leap.15.6.xml.gz"));
    }

    @Test
    void missingTruncatedAndMalformedFilesFail() throws IOException {
        Updater missing = create(Map.of("url", server.uri("/oval/").toString(),
                "releases", List.of("opensuse.leap.15.6"))).get(0);
        assertThatThrownBy(() -> missing.fetch(Fingerprint.NONE)).isInstanceOf(IOException.class)
                .hasMessage("suse: GET " + server.uri("/oval/opensuse.leap.15.6.xml.gz") + " returned 404");

        byte[] gz = gzip(Files.readAllBytes(TestData.path("suse/suse_truncated.xml")));
        try (RawHttpServer raw = RawHttpServer.truncating(Arrays.copyOf(gz, gz.length / 3), gz.length)) {
            Updater u = create(Map.of("url", raw.uri("/oval/").toString(),
                    "releases", List.of("opensuse.leap.15.6"))).get(0);
            assertThatThrownBy(() -> u.fetch(Fingerprint.NONE)).isInstanceOf(IOException.class)
                    .hasMessageContaining("body truncated");
        }

        // a gzip stream cut short: the download is complete, the content is not
        server.bytes("/oval/opensuse.leap.15.6.xml.gz", Arrays.copyOf(gz, gz.length - 40), Validators.NONE,
                "application/gzip");
        FetchResult.Changed r = (FetchResult.Changed) missing.fetch(Fingerprint.NONE);
        try (InputStream in = Files.newInputStream(r.content())) {
            assertThatThrownBy(() -> missing.parse(in)).isInstanceOf(IOException.class).hasMessageStartingWith("suse: ");
        }
    }
}
