package io.clair.core.ecosystem.aws;

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
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/**
 * The ALAS updater end to end: the real mirror list and repomd, rewritten to point at a local server (the list's
 * paths kept, repomd's updateinfo checksum set to the file served), and the real updateinfo excerpts.
 */
class AlasUpdaterTest {
    private static final String REAL_REPOMD_SUM = "9dd3ce045294b530720d13829817254e3cd67ec1ac36f66069238d9d111d3cc0";
    @TempDir
    Path tmp;
    private TestHttpServer server;
    private String mirrorPath;

    @BeforeEach
    void setUp() throws IOException {
        server = TestHttpServer.start();
        String line = Files.readAllLines(TestData.path("aws/mirrors_linux2.txt")).get(0).trim();
        mirrorPath = URI.create(line).getPath(); // /2/core/2.0/x86_64/<guid>
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    private Updater updater(String mirrorList) {
        PluginContext ctx = new PluginContext(HttpClient.newHttpClient(), Clock.systemUTC(), tmp,
                Map.of("aws", Map.of("releases", List.of("AL2"), "mirror_lists", Map.of("AL2", mirrorList))));
        return new AwsUpdaterFactory(ctx).create().get(0);
    }

    /** Serves the mirror list (one line per given base path), repomd and updateinfo under the first path. */
    private Updater serve(String updateInfoFile, String... mirrorPaths) throws IOException {
        StringBuilder list = new StringBuilder();
        for (String p : mirrorPaths) {
            list.append(server.uri(p)).append('\n');
        }
        server.bytes("/mirror.list", list.toString().getBytes(StandardCharsets.UTF_8), Validators.NONE, "text/plain");
        byte[] gz = Files.readAllBytes(TestData.path(updateInfoFile));
        serveRepomd(mirrorPath, sha256(gz));
        server.bytes(mirrorPath + "/repodata/updateinfo.xml.gz", gz, Validators.ETAG, "application/gzip");
        return updater(server.uri("/mirror.list").toString());
    }

    private void serveRepomd(String base, String checksum) throws IOException {
        String repomd = Files.readString(TestData.path("aws/test_repomd.xml")).replace(REAL_REPOMD_SUM, checksum);
        server.bytes(base + "/repodata/repomd.xml", repomd.getBytes(StandardCharsets.UTF_8), Validators.NONE,
                "text/xml");
    }

    @Test
    void repomdGivesTheUpdateinfoLocationAndChecksum() throws Exception {
        Optional<RepoMd> md;
        try (InputStream in = Files.newInputStream(TestData.path("aws/test_repomd.xml"))) {
            md = RepoMd.updateInfo(in);
        }
        Document d = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(TestData.path("aws/test_repomd.xml").toFile());
        var xp = XPathFactory.newInstance().newXPath();
        assertThat(md).contains(new RepoMd(xp.evaluate("//data[@type='updateinfo']/location/@href", d),
                xp.evaluate("//data[@type='updateinfo']/checksum/@type", d),
                xp.evaluate("//data[@type='updateinfo']/checksum", d)));
        assertThat(md.get().location()).isEqualTo("repodata/updateinfo.xml.gz");
        assertThat(md.get().checksum()).isEqualTo(REAL_REPOMD_SUM);
    }

    @Test
    void mirrorListsAreTheRealFormat() throws IOException {
        for (String f : List.of("aws/mirrors_linux1.txt", "aws/mirrors_linux2.txt", "aws/mirrors_linux2023.txt")) {
            List<URI> mirrors = AlasUpdater.mirrors(Files.readString(TestData.path(f)));
            List<String> lines = Files.readAllLines(TestData.path(f)).stream().map(String::trim)
                    .filter(l -> !l.isEmpty()).toList();
            assertThat(mirrors).as(f).extracting(u -> u.resolve("repodata/repomd.xml").toString())
                    .containsExactlyElementsOf(lines.stream()
                            .map(l -> (l.endsWith("/") ? l : l + "/") + "repodata/repomd.xml").toList());
        }
        assertThatThrownBy(() -> AlasUpdater.mirrors("\n\n")).hasMessage("aws: mirror list is empty");
    }

    @Test
    void fetchesUpdateinfoThenSkipsItWhileRepomdsChecksumStaysTheSame() throws IOException {
        Updater u = serve("aws/updateinfo_2_items.xml.gz", mirrorPath);
        assertThat(u.name()).isEqualTo("aws-AL2-updater");
        FetchResult.Changed r = (FetchResult.Changed) u.fetch(Fingerprint.NONE);
        List<Vulnerability> got;
        try (InputStream in = Files.newInputStream(r.content())) {
            got = u.parse(in);
        }
        assertThat(got).isNotEmpty().containsExactlyElementsOf(
                UpdateInfoParserTest.parse("aws/updateinfo_2_items.xml.gz", AmazonRelease.AL2));
        String updateInfo = mirrorPath + "/repodata/updateinfo.xml.gz";
        assertThat(u.fetch(r.next())).isInstanceOf(FetchResult.Unchanged.class);
        assertThat(server.requests(updateInfo)).hasSize(1);

        byte[] other = Files.readAllBytes(TestData.path("aws/updateinfo_1_item.xml.gz"));
        server.bytes(updateInfo, other, Validators.ETAG, "application/gzip");
        serveRepomd(mirrorPath, sha256(other));
        FetchResult.Changed again = (FetchResult.Changed) u.fetch(r.next());
        try (InputStream in = Files.newInputStream(again.content())) {
            assertThat(u.parse(in)).containsExactlyElementsOf(
                    UpdateInfoParserTest.parse("aws/updateinfo_1_item.xml.gz", AmazonRelease.AL2));
        }
    }

    @Test
    void aFailingMirrorIsSkipped() throws IOException {
        Updater u = serve("aws/updateinfo_1_item.xml.gz", "/down" + mirrorPath, mirrorPath);
        server.status("/down" + mirrorPath + "/repodata/repomd.xml", 503);
        assertThat(u.fetch(Fingerprint.NONE)).isInstanceOf(FetchResult.Changed.class);
        assertThat(server.requests("/down" + mirrorPath + "/repodata/repomd.xml")).hasSize(1);
    }

    @Test
    void aDownloadThatDoesNotMatchRepomdFails() throws IOException {
        Updater u = serve("aws/updateinfo_1_item.xml.gz", mirrorPath);
        serveRepomd(mirrorPath, REAL_REPOMD_SUM);
        URI updateInfo = server.uri(mirrorPath + "/repodata/updateinfo.xml.gz");
        assertThatThrownBy(() -> u.fetch(Fingerprint.NONE)).isInstanceOf(IOException.class)
                .hasMessageContaining("last error: aws: " + updateInfo + " has sha256 ")
                .hasMessageEndingWith("but repomd says " + REAL_REPOMD_SUM);
    }

    @Test
    void whenEveryMirrorFailsTheLastErrorIsReported() throws IOException {
        Updater u = serve("aws/updateinfo_1_item.xml.gz", "/gone" + mirrorPath);
        URI list = server.uri("/mirror.list");
        assertThatThrownBy(() -> u.fetch(Fingerprint.NONE)).isInstanceOf(IOException.class)
                .hasMessage("aws: every mirror of " + list + " failed; last error: aws: GET "
                        + server.uri("/gone" + mirrorPath + "/repodata/repomd.xml") + " returned 404");

        server.bytes(mirrorPath + "/repodata/repomd.xml", "<repomd><data".getBytes(StandardCharsets.UTF_8),
                Validators.NONE, "text/xml");
        Updater malformed = serve("aws/updateinfo_1_item.xml.gz", mirrorPath);
        server.bytes(mirrorPath + "/repodata/repomd.xml", "<repomd><data".getBytes(StandardCharsets.UTF_8),
                Validators.NONE, "text/xml");
        assertThatThrownBy(() -> malformed.fetch(Fingerprint.NONE)).hasMessageContaining("aws: malformed repomd XML");

        server.status("/mirror.list", 500);
        assertThatThrownBy(() -> u.fetch(Fingerprint.NONE)).hasMessage("aws: GET " + list + " returned 500");
    }

    @Test
    void aTruncatedMirrorListFails() throws IOException {
        byte[] real = Files.readAllBytes(TestData.path("aws/mirrors_linux1.txt"));
        try (RawHttpServer raw = RawHttpServer.truncating(java.util.Arrays.copyOf(real, 100), real.length)) {
            Updater u = updater(raw.uri("/mirror.list").toString());
            assertThatThrownBy(() -> u.fetch(Fingerprint.NONE)).isInstanceOf(IOException.class)
                    .hasMessageStartingWith("aws: GET " + raw.uri("/mirror.list") + " body ");
        }
    }

    @Test
    void defaultsAreTheThreeReleasesWithAmazonsMirrorLists() {
        PluginContext ctx = new PluginContext(HttpClient.newHttpClient(), Clock.systemUTC(), tmp, Map.of());
        List<Updater> all = new AwsUpdaterFactory(ctx).create();
        assertThat(all).extracting(Updater::name).containsExactly("aws-AL1-updater", "aws-AL2-updater",
                "aws-AL2023-updater");
        assertThat(all).extracting(u -> ((AlasUpdater) u).mirrorList().toString()).containsExactly(
                "http://repo.us-west-2.amazonaws.com/2018.03/updates/x86_64/mirror.list",
                "https://cdn.amazonlinux.com/2/core/latest/x86_64/mirror.list",
                "https://cdn.amazonlinux.com/al2023/core/mirrors/latest/x86_64/mirror.list");
        assertThatThrownBy(() -> new AwsUpdaterFactory(ctx.withConfig(Map.of("aws", Map.of("releases",
                List.of("AL3")))))).hasMessageContaining("unknown release \"AL3\"");
    }

    private static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
