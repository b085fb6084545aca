package io.clair.core.ecosystem.ubuntu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clair.core.plugin.PluginContext;
import io.clair.core.update.FetchResult;
import io.clair.core.update.TestHttpServer;
import io.clair.core.update.TestHttpServer.Validators;
import io.clair.core.update.Updater;
import io.clair.core.vuln.Fingerprint;
import io.clair.core.vuln.Vulnerability;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UbuntuUpdaterFactoryTest {
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
                Map.of("ubuntu", config));
        return new UbuntuUpdaterFactory(ctx).create();
    }

    @Test
    void fetchesTheBzip2FeedOfASeriesAndThenSeesItUnchanged() throws IOException {
        byte[] bz = OvalParserTest.bzip2(Files.readAllBytes(OvalParserTest.OVAL));
        server.bytes("/oval/com.ubuntu.xenial.cve.oval.xml.bz2", bz, Validators.ETAG, "application/x-bzip2");
        List<Updater> updaters = create(Map.of("url", server.uri("/oval").toString(), "series", List.of("xenial")));
        assertThat(updaters).extracting(Updater::name).containsExactly("ubuntu/updater/xenial");
        Updater u = updaters.get(0);

        FetchResult.Changed r = (FetchResult.Changed) u.fetch(Fingerprint.NONE);
        List<Vulnerability> got;
        try (InputStream in = Files.newInputStream(r.content())) {
            got = u.parse(in);
        }
        assertThat(got).containsExactlyElementsOf(OvalParserTest.parse(Files.readAllBytes(OvalParserTest.OVAL)));
        assertThat(u.fetch(r.next())).isInstanceOf(FetchResult.Unchanged.class);
    }

    @Test
    void plainXmlWhenBzip2IsOff() {
        List<Updater> updaters = create(Map.of("url", "https://mirror.example/ubuntu-oval/", "use_bzip2", false,
                "series", List.of("jammy")));
        assertThat(((UbuntuOvalUpdater) updaters.get(0)).uri())
                .isEqualTo(URI.create("https://mirror.example/ubuntu-oval/com.ubuntu.jammy.cve.oval.xml"));
    }

    @Test
    void defaultsAreTheCurrentLtsSeriesOnCanonicalsSite() {
        List<Updater> updaters = create(Map.of());
        assertThat(updaters).extracting(Updater::name).containsExactly("ubuntu/updater/focal",
                "ubuntu/updater/jammy", "ubuntu/updater/noble", "ubuntu/updater/resolute");
        UbuntuOvalUpdater jammy = (UbuntuOvalUpdater) updaters.get(1);
        assertThat(jammy.uri()).isEqualTo(URI.create(
                "https://security-metadata.canonical.com/oval/com.ubuntu.jammy.cve.oval.xml.bz2"));
        assertThat(jammy.version()).isEqualTo("22.04");
    }

    @Test
    void unknownSeriesNeedAVersion() {
        assertThatThrownBy(() -> create(Map.of("series", List.of("zesty"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"zesty\"");
        UbuntuOvalUpdater zesty = (UbuntuOvalUpdater) create(Map.of("series", List.of("zesty"),
                "series_versions", Map.of("zesty", "17.04"))).get(0);
        assertThat(zesty.version()).isEqualTo("17.04");
        assertThat(zesty.name()).isEqualTo("ubuntu/updater/zesty");
    }

    @Test
    void aMissingFeedIsAnError() {
        List<Updater> updaters = create(Map.of("url", server.uri("/oval/").toString(), "series", List.of("noble")));
        URI uri = server.uri("/oval/com.ubuntu.noble.cve.oval.xml.bz2");
        assertThatThrownBy(() -> updaters.get(0).fetch(Fingerprint.NONE)).isInstanceOf(IOException.class)
                .hasMessage("ubuntu: GET " + uri + " returned 404");
    }
}
