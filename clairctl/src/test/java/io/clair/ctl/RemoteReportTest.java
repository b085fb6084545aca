package io.clair.ctl;

import static io.clair.ctl.CtlRun.clairctl;
import static org.assertj.core.api.Assertions.assertThat;

import io.clair.api.auth.PskKey;
import io.clair.api.auth.PskVerifier;
import io.clair.core.testing.LocalRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code report} against a server: the client protocol (GET index_report, 404 → POST the manifest, 200 →
 * re-POST unless --novel, then GET vulnerability_report), every request PSK-signed so that {@link PskVerifier}
 * accepts it, the JSON printed byte for byte as the server sent it, and the matcher-not-ready branches. The image is
 * the Alpine minirootfs pushed to a real registry on 127.0.0.1.
 */
class RemoteReportTest {
    static final String KEY = Base64.getEncoder().encodeToString("clairctl-test-secret".getBytes());

    @TempDir
    static Path tmp;
    static LocalRegistry registry;
    static ClairStub clair;
    static String image;

    @BeforeAll
    static void start() throws Exception {
        Path layout = AlpineImages.ociLayout(tmp.resolve("layout"));
        registry = LocalRegistry.start();
        registry.push(layout, "test/alpine:3.6", LocalRegistry.Format.OCI);
        image = registry.reference("test/alpine:3.6");
        clair = new ClairStub(tmp, new PskVerifier(PskKey.fromBase64(KEY), List.of("clairctl")),
                AlpineImages.vulnerabilities());
    }

    @AfterAll
    static void stop() throws IOException {
        if (clair != null) {
            clair.close();
        }
        if (registry != null) {
            registry.close();
        }
    }

    @BeforeEach
    void clear() {
        clair.clearRequests();
    }

    CtlRun.Result report(String... args) {
        List<String> all = new java.util.ArrayList<>(List.of("report", "--host", clair.url().toString(),
                "--psk-key", KEY));
        all.addAll(List.of(args));
        return clairctl().run(all.toArray(String[]::new));
    }

    @Test
    void postsAnUnknownManifestThenPrintsTheServersJsonUnchanged() throws Exception {
        try (ClairStub fresh = new ClairStub(tmp, new PskVerifier(PskKey.fromBase64(KEY), List.of("clairctl")),
                AlpineImages.vulnerabilities())) {
            CtlRun.Result r = clairctl().run("report", "--host", fresh.url().toString(), "--psk-key", KEY,
                    "-o", "json", image);
            assertThat(r.exit()).as(r.toString()).isEqualTo(1);
            String digest = AlpineImages.JSON.readTree(r.out()).get("manifest_hash").asText();
            assertThat(fresh.requests()).extracting(Object::toString).containsExactly(
                    "GET " + ClairStub.INDEX + "/" + digest + " 404", "POST " + ClairStub.INDEX + " 201",
                    "GET " + ClairStub.REPORT + digest + " 200");
            assertThat(fresh.requests()).allMatch(ClairStub.Request::authorized);
            assertThat(r.out()).isEqualTo(fresh.lastReportBody() + "\n");
            assertThat(r.out()).contains("\"name\":\"" + AlpineImages.FINDING + "\"");
        }
    }

    @Test
    void aKnownManifestIsPostedAgainUnlessNovel() {
        assertThat(report("-o", "json", image).exit()).isEqualTo(1);
        clair.clearRequests();
        assertThat(report("-o", "json", image).exit()).isEqualTo(1);
        assertThat(clair.requests()).extracting(q -> q.method() + " " + q.status())
                .containsExactly("GET 200", "POST 201", "GET 200");
        clair.clearRequests();
        CtlRun.Result novel = report("--novel", image);
        assertThat(novel.exit()).as(novel.toString()).isEqualTo(1);
        assertThat(clair.requests()).extracting(q -> q.method() + " " + q.status()).containsExactly("GET 200",
                "GET 200");
        assertThat(novel.out()).containsPattern("\nmusl +1\\.1\\.16-r15 +CVE-2017-15650 +High");
    }

    @Test
    void hostAndKeyComeFromTheEnvironmentAndTheConfigFile() throws Exception {
        Path config = Files.writeString(tmp.resolve("config.yaml"), "auth:\n  psk:\n    key: " + KEY
                + "\n    iss: [quay, clairctl]\n");
        CtlRun.Result r = clairctl().env("CLAIR_API", clair.url().toString()).env("CLAIR_CONF", config.toString())
                .run("report", "--image-ref", image, "--minimum-severity", "high");
        assertThat(r.exit()).as(r.toString()).isEqualTo(1);
        assertThat(clair.requests()).isNotEmpty().allMatch(ClairStub.Request::authorized);
    }

    @Test
    void aWrongKeyIsOneLineAndExitTwo() {
        String other = Base64.getEncoder().encodeToString("another-secret".getBytes());
        CtlRun.Result r = clairctl().run("report", "--host", clair.url().toString(), "--psk-key", other, image);
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.errLines()).singleElement().asString().startsWith("clairctl: unauthorized (HTTP 401) from "
                + clair.url()).contains("--psk-key");
        assertThat(r.out()).isEmpty();
        CtlRun.Result issuer = report("--issuer", "not-allowed", image);
        assertThat(issuer.exit()).isEqualTo(2);
        assertThat(issuer.errLines()).singleElement().asString().contains("unauthorized (HTTP 401)");
    }

    @Test
    void aServerWithoutVulnerabilityDataIsReportedAsSuch() throws Exception {
        try (ClairStub empty = new ClairStub(tmp, null, List.of())) {
            CtlRun.Result r = clairctl().run("report", "--host", empty.url().toString(), "--wait", "0", image);
            assertThat(r.exit()).as(r.toString()).isEqualTo(0);
            assertThat(r.out()).contains("Note:     the server has no vulnerability data yet");
            assertThat(empty.requests()).extracting(q -> q.method() + " " + q.status())
                    .containsExactly("GET 404", "POST 201", "GET 200");
        }
    }

    @Test
    void aMatcherThatIsNotReadyYetIsAskedAgain() throws Exception {
        try (ClairStub starting = new ClairStub(tmp, null, AlpineImages.vulnerabilities())) {
            starting.answer202(2);
            CtlRun.Result r = clairctl().run("report", "--host", starting.url().toString(), "--wait", "120", image);
            assertThat(r.exit()).as(r.toString()).isEqualTo(1);
            assertThat(r.out()).contains(AlpineImages.FINDING);
            assertThat(starting.requests()).extracting(q -> q.method() + " " + q.status())
                    .containsExactly("GET 404", "POST 201", "GET 202", "GET 202", "GET 200");
        }
    }

    @Test
    void aMatcherThatStaysNotReadyIsAnErrorAfterTheWait() throws Exception {
        try (ClairStub notReady = new ClairStub(tmp, null, AlpineImages.vulnerabilities())) {
            notReady.answer202(Integer.MAX_VALUE);
            CtlRun.Result r = clairctl().run("report", "--host", notReady.url().toString(), "--wait", "1", image);
            assertThat(r.exit()).isEqualTo(2);
            assertThat(r.errLines()).singleElement().asString().isEqualTo("clairctl: the matcher at "
                    + notReady.url() + " is not ready (HTTP 202) after 1 s; try again later or wait longer with"
                    + " --wait");
        }
    }

    @Test
    void deleteRemovesTheIndexReport() throws Exception {
        CtlRun.Result scanned = report("-o", "json", image);
        String d = AlpineImages.JSON.readTree(scanned.out()).get("manifest_hash").asText();
        clair.clearRequests();
        CtlRun.Result r = clairctl().run("delete", "--host", clair.url().toString(), "--psk-key", KEY, d);
        assertThat(r.exit()).as(r.toString()).isEqualTo(0);
        assertThat(r.out()).isEqualTo(d + "\n");
        assertThat(clair.requests()).extracting(Object::toString).containsExactly("DELETE " + ClairStub.INDEX + "/"
                + d + " 204");
        clair.clearRequests();
        report("-o", "json", image);
        assertThat(clair.requests()).extracting(q -> q.method() + " " + q.status())
                .containsExactly("GET 404", "POST 201", "GET 200");
    }

    @Test
    void localImagesNeedLocalMode() {
        CtlRun.Result r = report("oci:" + tmp.resolve("layout") + ":3.6");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.errLines()).singleElement().asString().contains("a Clair server cannot read local images");
        assertThat(clair.requests()).isEmpty();
    }
}
