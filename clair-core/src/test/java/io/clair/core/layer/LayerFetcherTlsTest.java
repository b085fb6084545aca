package io.clair.core.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.clair.core.manifest.LayerDescriptor;
import io.clair.core.osrelease.RootfsFixtures;
import io.clair.core.testing.TestData;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A blob over HTTPS from a server with its own certificate (made by the JDK's keytool at test time): the fetcher
 * takes the TLS trust of the {@link HttpClient} it is given, and without that trust the fetch fails cleanly.
 */
@Timeout(120)
class LayerFetcherTlsTest {
    private static final char[] PASSWORD = "changeit".toCharArray();
    private static final Path ALPINE = TestData.path("alpine/alpine-minirootfs-3.20.3-x86_64.tar.gz");

    @TempDir
    static Path keys;
    @TempDir
    Path temp;

    static HttpsServer server;
    static SSLContext trusting;
    static byte[] gz;

    @BeforeAll
    static void setUp() throws Exception {
        Path ks = keys.resolve("server.p12");
        RootfsFixtures.run(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "layer", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-storetype", "PKCS12",
                "-keystore", ks.toString(), "-storepass", "changeit", "-keypass", "changeit"));
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(ks)) {
            store.load(in, PASSWORD);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(store, PASSWORD);
        SSLContext serverTls = SSLContext.getInstance("TLS");
        serverTls.init(kmf.getKeyManagers(), null, null);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        trusting = SSLContext.getInstance("TLS");
        trusting.init(null, tmf.getTrustManagers(), null);

        gz = Files.readAllBytes(ALPINE);
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serverTls));
        server.createContext("/blob", ex -> {
            try (ex) {
                ex.sendResponseHeaders(200, gz.length);
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(gz);
                }
            }
        });
        server.start();
    }

    @AfterAll
    static void tearDown() {
        server.stop(0);
    }

    private static URI uri() {
        return URI.create("https://127.0.0.1:" + server.getAddress().getPort() + "/blob");
    }

    @Test
    void fetchesWithTheClientsTrust() throws Exception {
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).sslContext(trusting)
                .build();
        try (TarLayer layer = new LayerFetcher(client, LayerOptions.defaults(temp))
                .fetch(new LayerDescriptor(TestArchives.sha256(gz), uri()))) {
            try (InputStream in = layer.open("lib/apk/db/installed")) {
                assertThat(in.readAllBytes()).isEqualTo(TarOracle.extract(ALPINE, "./lib/apk/db/installed"));
            }
        }
        assertThat(temp).isEmptyDirectory();
    }

    @Test
    void anUntrustedCertificateIsAClearError() {
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        assertThatThrownBy(() -> new LayerFetcher(client, LayerOptions.defaults(temp))
                .fetch(new LayerDescriptor(TestArchives.sha256(gz), uri())))
                .isInstanceOf(LayerException.class).hasMessageContaining("GET " + uri())
                .hasMessageContaining("certification path");
        assertThat(temp).isEmptyDirectory();
    }
}
