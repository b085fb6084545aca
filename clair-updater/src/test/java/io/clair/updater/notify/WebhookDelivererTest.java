package io.clair.updater.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.clair.api.auth.PskKey;
import io.clair.api.auth.PskSigner;
import io.clair.api.auth.PskVerifier;
import io.clair.core.notify.DeliveryReport;
import io.clair.core.notify.Notifier;
import io.clair.core.notify.NotifierOptions;
import io.clair.core.notify.NotifierStore;
import io.clair.core.notify.ReceiptStatus;
import io.clair.core.notify.UpdateSource;
import io.clair.core.store.LocalLocks;
import io.clair.core.store.memory.InMemoryVulnerabilityStore;
import io.clair.updater.notify.deliver.WebhookDeliverer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The webhook deliverer against a real HTTP receiver (the JDK's server): the body and headers Quay expects, a PSK
 * JWT that Clair's verifier accepts for issuer {@code clair-notifier}, and retries until the receiver answers 200.
 */
class WebhookDelivererTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "c2VjcmV0LWtleS1zaGFyZWQtd2l0aC1xdWF5";

    record Received(String method, String contentType, String authorization, String custom, String body) {
    }

    private HttpServer server;
    private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
    /** Status codes to answer, in order; 200 once they run out. */
    private final ConcurrentLinkedQueue<Integer> answers = new ConcurrentLinkedQueue<>();
    private final AtomicInteger calls = new AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/secscan/notification", ex -> {
            calls.incrementAndGet();
            received.add(new Received(ex.getRequestMethod(), ex.getRequestHeaders().getFirst("Content-Type"),
                    ex.getRequestHeaders().getFirst("Authorization"), ex.getRequestHeaders().getFirst("X-Quay-Test"),
                    new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            Integer status = answers.poll();
            byte[] body = (status == null ? "Okay" : "not now").getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(status == null ? 200 : status, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private WebhookDeliverer deliverer(PskSigner signer) {
        return new WebhookDeliverer(HttpClient.newHttpClient(),
                URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/secscan/notification"),
                "http://clair.example:6060/notifier/api/v1/notification", Map.of("X-Quay-Test", "yes"), signer,
                Duration.ofSeconds(10));
    }

    @Test
    void postsTheCallbackSignedAndRetriesUntil200() throws Exception {
        NotifierStore store = Entries.store();
        UUID id = Entries.put(store, Entries.some(2));
        Notifier notifier = new Notifier(store, UpdateSource.of(new InMemoryVulnerabilityStore()), v -> Map.of(),
                new LocalLocks(), NotifierOptions.defaults());
        WebhookDeliverer webhook = deliverer(new PskSigner(PskKey.fromBase64(KEY), WebhookDeliverer.ISSUER));
        answers.addAll(List.of(503, 201));

        assertThat(notifier.deliver(webhook)).isEqualTo(new DeliveryReport(0, 1, 0));
        assertThat(store.receipt(id).orElseThrow().status()).isEqualTo(ReceiptStatus.DELIVERY_FAILED);
        assertThat(store.receipt(id).orElseThrow().details()).contains("HTTP 503").contains("not now");
        // only 200 counts, as in Clair
        assertThat(notifier.deliver(webhook)).isEqualTo(new DeliveryReport(0, 1, 0));
        assertThat(store.receipt(id).orElseThrow().details()).contains("HTTP 201");
        assertThat(notifier.deliver(webhook)).isEqualTo(new DeliveryReport(1, 0, 0));
        assertThat(store.receipt(id).orElseThrow().status()).isEqualTo(ReceiptStatus.DELIVERED);
        // delivered: no further calls
        assertThat(notifier.deliver(webhook)).isEqualTo(new DeliveryReport(0, 0, 0));
        assertThat(calls.get()).isEqualTo(3);

        PskVerifier quay = new PskVerifier(PskKey.fromBase64(KEY), List.of(WebhookDeliverer.ISSUER));
        PskVerifier otherIssuers = new PskVerifier(PskKey.fromBase64(KEY), List.of("quay"));
        assertThat(received).hasSize(3).allSatisfy(r -> {
            assertThat(r.method()).isEqualTo("POST");
            assertThat(r.contentType()).isEqualTo("application/json");
            assertThat(r.custom()).isEqualTo("yes");
            assertThat(quay.verify(r.authorization())).as(r.authorization()).isTrue();
            assertThat(otherIssuers.verify(r.authorization())).isFalse();
            JsonNode body = JSON.readTree(r.body());
            assertThat(body.size()).isEqualTo(2);
            assertThat(body.get("notification_id").asText()).isEqualTo(id.toString());
            assertThat(body.get("callback").asText())
                    .isEqualTo("http://clair.example:6060/notifier/api/v1/notification/" + id);
        });
    }

    @Test
    void withoutAKeyNothingIsSigned() throws Exception {
        NotifierStore store = Entries.store();
        UUID id = Entries.put(store, Entries.some(1));
        Notifier notifier = new Notifier(store, UpdateSource.of(new InMemoryVulnerabilityStore()), v -> Map.of(),
                new LocalLocks(), NotifierOptions.defaults());
        assertThat(notifier.deliver(deliverer(null)).delivered()).isEqualTo(1);
        assertThat(received).singleElement().satisfies(r -> assertThat(r.authorization()).isNull());
        assertThat(store.receipt(id).orElseThrow().status()).isEqualTo(ReceiptStatus.DELIVERED);
    }

    @Test
    void anUnreachableReceiverIsAFailedDelivery() {
        server.stop(0);
        NotifierStore store = Entries.store();
        UUID id = Entries.put(store, Entries.some(1));
        Notifier notifier = new Notifier(store, UpdateSource.of(new InMemoryVulnerabilityStore()), v -> Map.of(),
                new LocalLocks(), NotifierOptions.defaults());
        assertThat(notifier.deliver(deliverer(null)).failed()).isEqualTo(1);
        assertThat(store.receipt(id).orElseThrow().details()).startsWith("notifier: webhook: POST http://127.0.0.1:");
    }

    @Test
    void aHeaderTheClientCannotSendFailsAtStartUp() {
        assertThatThrownBy(() -> new WebhookDeliverer(HttpClient.newHttpClient(), URI.create("http://127.0.0.1:1/"),
                "http://clair/notifier/api/v1/notification/", Map.of("Host", "evil"), null, Duration.ofSeconds(1)))
                .hasMessageStartingWith("notifier: webhook: header Host cannot be set");
    }
}
