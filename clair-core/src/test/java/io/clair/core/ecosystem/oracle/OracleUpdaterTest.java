package io.clair.core.ecosystem.oracle;

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
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Oracle updater set end to end against a local server that serves Oracle's real OVAL, bzip2-compressed. */
class OracleUpdaterTest {
    private static final String FEED = "/oval/com.oracle.elsa-2007.xml.bz2";
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
        PluginContext ctx = new PluginContext(HttpClient.newHttpClient(),
                Clock.fixed(Instant.parse("2026-03-01T00:00:00Z"), ZoneOffset.UTC), tmp, Map.of("oracle", config));
        return new OracleUpdaterFactory(ctx).create();
    }

    private Updater one(String url) {
        return create(Map.of("url", url, "first_year", 2007, "last_year", 2007)).get(0);
    }

    static byte[] bzip2(byte[] plain) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (BZip2CompressorOutputStream bz = new BZip2CompressorOutputStream(out)) {
            bz.write(plain);
        }
        return out.toByteArray();
    }

    @Test
    void fetchesParsesAndThenSeesTheFeedUnchanged() throws IOException {
        server.bytes(FEED, bzip2(Files.readAllBytes(TestData.path("oracle/ELSA-2007-0057.xml"))), Validators.ETAG,
                "application/x-bzip2");
        Updater u = one(server.uri("/oval/").toString());
        assertThat(u.name()).isEqualTo("oracle-2007-updater");

        FetchResult.Changed r = (FetchResult.Changed) u.fetch(Fingerprint.NONE);
        List<Vulnerability> got;
        try (InputStream in = Files.newInputStream(r.content())) {
            got = u.parse(in);
        }
        assertThat(got).isNotEmpty().containsExactlyElementsOf(ElsaParserTest.parse("oracle/ELSA-2007-0057.xml")
                .stream().map(v -> v.withUpdater("oracle-2007-updater")).toList());
        assertThat(u.fetch(r.next())).isInstanceOf(FetchResult.Unchanged.class);
        assertThat(server.requests(FEED).get(1).header("If-None-Match")).isNotBlank();
    }

    @Test
    void defaultsAreOneUpdaterPerYearOnOraclesSite() {
        List<Updater> all = create(Map.of());
        assertThat(all).hasSize(2026 - 2007 + 1);
        assertThat(all.get(0).name()).isEqualTo("oracle-2007-updater");
        assertThat(all.get(all.size() - 1).name()).isEqualTo("oracle-2026-updater");
        assertThat(((OracleUpdater) all.get(0)).uri()).isEqualTo(URI.create(
                "https://linux.oracle.com/security/oval/com.oracle.elsa-2007.xml.bz2"));
        assertThatThrownBy(() -> create(Map.of("first_year", 2020, "last_year", 2019)))
                .hasMessageContaining("last_year 2019 is before first_year 2020");
    }

    @Test
    void serverErrorsAndMissingFilesFail() {
        server.status(FEED, 500);
        Updater u = one(server.uri("/oval/").toString());
        assertThatThrownBy(() -> u.fetch(Fingerprint.NONE)).isInstanceOf(IOException.class)
                .hasMessage("oracle: GET " + server.uri(FEED) + " returned 500");
        Updater missing = one(server.uri("/elsewhere/").toString());
        assertThatThrownBy(() -> missing.fetch(Fingerprint.NONE)).isInstanceOf(IOException.class)
                .hasMessage("oracle: GET " + server.uri("/elsewhere/com.oracle.elsa-2007.xml.bz2") + " returned 404");
    }

    @Test
    void aTruncatedDownloadFails() throws IOException {
        byte[] real = bzip2(Files.readAllBytes(TestData.path("oracle/ELSA-2007-0057.xml")));
        try (RawHttpServer raw = RawHttpServer.truncating(Arrays.copyOf(real, real.length / 2), real.length)) {
            Updater u = one(raw.uri("/oval/").toString());
            assertThatThrownBy(() -> u.fetch(Fingerprint.NONE)).isInstanceOf(IOException.class)
                    .hasMessageStartingWith("oracle: GET " + raw.uri(FEED) + " body truncated");
        }
    }

    @Test
    void malformedContentFailsToParse() throws IOException {
        byte[] real = Files.readAllBytes(TestData.path("oracle/ELSA-2007-0057.xml"));
        server.bytes(FEED, bzip2(Arrays.copyOf(real, real.length - 300)), Validators.NONE, "application/x-bzip2");
        Updater u = one(server.uri("/oval/").toString());
        FetchResult.Changed r = (FetchResult.Changed) u.fetch(Fingerprint.NONE);
        try (InputStream in = Files.newInputStream(r.content())) {
            assertThatThrownBy(() -> u.parse(in)).isInstanceOf(IOException.class)
                    .hasMessageStartingWith("oracle: malformed OVAL XML at line");
        }
        server.bytes(FEED, "<html>maintenance</html>".getBytes(StandardCharsets.UTF_8), Validators.NONE, "text/html");
        FetchResult.Changed html = (FetchResult.Changed) u.fetch(Fingerprint.NONE);
        try (InputStream in = Files.newInputStream(html.content())) {
            assertThatThrownBy(() -> u.parse(in))
                    .hasMessage("oracle: not an OVAL definitions document (root element <html>)");
        }
    }
}
