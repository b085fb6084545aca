package io.clair.core.ecosystem.osv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clair.core.plugin.PluginContext;
import io.clair.core.testing.TestData;
import io.clair.core.update.FetchResult;
import io.clair.core.update.TestHttpServer;
import io.clair.core.update.TestHttpServer.Validators;
import io.clair.core.update.Updater;
import io.clair.core.vuln.Fingerprint;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OsvUpdaterFactoryTest {
    private static final Path GO = TestData.path("osv/Go-all.zip");

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
        PluginContext ctx = new PluginContext(HttpClient.newHttpClient(), OsvArchiveParserTest.NOW, tmp,
                Map.of("osv", config));
        return new OsvUpdaterFactory(ctx).create();
    }

    @Test
    void fetchesAnEcosystemArchiveAndThenSeesItUnchanged() throws IOException {
        server.file("/Go/all.zip", GO, Validators.ETAG);
        List<Updater> updaters = create(Map.of("url", server.uri("/").toString(), "allowlist", List.of("Go")));
        assertThat(updaters).extracting(Updater::name).containsExactly("osv/go");
        Updater go = updaters.get(0);

        FetchResult.Changed r = (FetchResult.Changed) go.fetch(Fingerprint.NONE);
        try (InputStream in = Files.newInputStream(r.content())) {
            assertThat(go.parse(in)).hasSameSizeAs(OsvArchiveParserTest.parse(GO, "Go", OsvArchiveParserTest.NOW))
                    .isNotEmpty();
        }
        assertThat(go.fetch(r.next())).isInstanceOf(FetchResult.Unchanged.class);
    }

    @Test
    void aBrokenDownloadFailsInParse() throws IOException {
        byte[] real = Files.readAllBytes(GO);
        server.bytes("/Go/all.zip", Arrays.copyOf(real, real.length - 100), Validators.NONE, "application/zip");
        Updater go = create(Map.of("url", server.uri("/").toString(), "allowlist", List.of("Go"))).get(0);
        FetchResult.Changed r = (FetchResult.Changed) go.fetch(Fingerprint.NONE);
        assertThatThrownBy(() -> {
            try (InputStream in = Files.newInputStream(r.content())) {
                go.parse(in);
            }
        }).isInstanceOf(IOException.class).hasMessageStartingWith("osv: ");
    }

    @Test
    void defaultsAreTheLanguageEcosystemsOnOsvDev() {
        List<Updater> updaters = create(Map.of());
        assertThat(updaters).extracting(Updater::name).containsExactly("osv/pypi", "osv/go", "osv/npm", "osv/maven",
                "osv/crates.io", "osv/rubygems");
        assertThat(((OsvUpdater) updaters.get(0)).uri())
                .isEqualTo(URI.create("https://osv-vulnerabilities.storage.googleapis.com/PyPI/all.zip"));
    }

    @Test
    void ecosystemsWithTheirOwnUpdaterAreIgnored() {
        List<Updater> updaters = create(Map.of("allowlist", List.of("Debian", "PyPI", "Alpine:v3.18", "NuGet",
                "GitHub Actions", "PyPI")));
        assertThat(updaters).extracting(Updater::name).containsExactly("osv/pypi", "osv/nuget");
    }

    @Test
    void lowercaseAllowlistsFromClairConfigurationsWork() {
        List<Updater> updaters = create(Map.of("allowlist", List.of("pypi", "rubygems", "crates.io")));
        assertThat(updaters).extracting(u -> ((OsvUpdater) u).uri().getPath())
                .containsExactly("/PyPI/all.zip", "/RubyGems/all.zip", "/crates.io/all.zip");
        assertThat(updaters).extracting(Updater::name).containsExactly("osv/pypi", "osv/rubygems", "osv/crates.io");
    }

    @Test
    void aMissingArchiveIsAnError() {
        Updater npm = create(Map.of("url", server.uri("/").toString(), "allowlist", List.of("npm"))).get(0);
        URI uri = server.uri("/npm/all.zip");
        assertThatThrownBy(() -> npm.fetch(Fingerprint.NONE)).isInstanceOf(IOException.class)
                .hasMessage("osv: GET " + uri + " returned 404");
    }
}
