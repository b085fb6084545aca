package io.clair.updater.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import io.clair.core.notify.Notification;
import io.clair.core.notify.NotificationCodec;
import io.clair.core.notify.Notifier;
import io.clair.core.notify.NotifierOptions;
import io.clair.core.notify.NotifierStore;
import io.clair.core.notify.ReceiptStatus;
import io.clair.core.notify.UpdateSource;
import io.clair.core.store.LocalLocks;
import io.clair.core.store.memory.InMemoryVulnerabilityStore;
import io.clair.updater.notify.deliver.StompDeliverer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The STOMP deliverer (our STOMP 1.2 client) against RabbitMQ's STOMP plugin. Messages are sent to
 * {@code /amq/queue/<queue>}, a queue declared here over AMQP and read back over AMQP, so that what arrives is
 * checked by a different client than the one that sent it.
 */
class StompDelivererTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BROKER = Brokers.HOST + ":" + Brokers.STOMP_PORT;
    private static final String CLOSED = Brokers.HOST + ":1";

    private Connection conn;
    private Channel ch;
    private String queue;
    private final NotifierStore store = Entries.store();
    private final Notifier notifier = new Notifier(store, UpdateSource.of(new InMemoryVulnerabilityStore()),
            v -> Map.of(), new LocalLocks(), NotifierOptions.defaults());

    @BeforeEach
    void declare() throws Exception {
        Brokers.requireStomp();
        ConnectionFactory f = new ConnectionFactory();
        f.setUri("amqp://guest:guest@" + Brokers.HOST + ":" + Brokers.AMQP_PORT + "/%2f");
        conn = f.newConnection("clair-notifier-test");
        ch = conn.createChannel();
        queue = "clair-stomp-test-" + UUID.randomUUID();
        ch.queueDeclare(queue, false, false, false, null);
    }

    @AfterEach
    void remove() throws Exception {
        ch.queueDelete(queue);
        conn.close();
    }

    private StompDeliverer deliverer(List<String> uris, boolean direct, int rollup, String login, String passcode) {
        return new StompDeliverer(new StompDeliverer.Settings(uris, "/amq/queue/" + queue,
                "http://clair:6060/notifier/api/v1/notification/", direct, rollup, login, passcode,
                Duration.ofSeconds(10)));
    }

    @Test
    void sendsTheCallbackThroughTheFirstReachableBroker() throws Exception {
        UUID id = Entries.put(store, Entries.some(2));
        assertThat(notifier.deliver(deliverer(List.of(CLOSED, BROKER), false, 0, "guest", "guest")).delivered())
                .isEqualTo(1);
        GetResponse m = Brokers.receive(ch, queue, 1).get(0);
        assertThat(m.getProps().getContentType()).isEqualTo("application/json");
        JsonNode body = JSON.readTree(m.getBody());
        assertThat(body.get("notification_id").asText()).isEqualTo(id.toString());
        assertThat(body.get("callback").asText()).isEqualTo("http://clair:6060/notifier/api/v1/notification/" + id);
        assertThat(store.receipt(id).orElseThrow().status()).isEqualTo(ReceiptStatus.DELIVERED);
    }

    @Test
    void directSendsTheEntriesInArraysOfRollupInOneTransaction() throws Exception {
        List<Notification> entries = Entries.some(5);
        UUID id = Entries.put(store, entries);
        assertThat(notifier.deliver(deliverer(List.of(BROKER), true, 2, "guest", "guest")).delivered())
                .isEqualTo(1);
        List<Notification> got = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        for (GetResponse m : Brokers.receive(ch, queue, 3)) {
            JsonNode array = JSON.readTree(m.getBody());
            sizes.add(array.size());
            array.forEach(n -> got.add(NotificationCodec.fromJson(n)));
        }
        assertThat(sizes).containsExactly(2, 2, 1);
        assertThat(got).containsExactlyInAnyOrderElementsOf(entries);
        assertThat(store.receipt(id).orElseThrow().status()).isEqualTo(ReceiptStatus.DELETED);
    }

    @Test
    void aRefusedLoginIsAFailedDeliveryCarryingTheBrokersMessage() throws Exception {
        UUID id = Entries.put(store, Entries.some(1));
        assertThat(notifier.deliver(deliverer(List.of(BROKER), false, 0, "guest", "wrong")).failed()).isEqualTo(1);
        assertThat(store.receipt(id).orElseThrow().details()).startsWith("notifier: stomp: ")
                .contains("no broker reachable").containsIgnoringCase("access refused");
        assertThat(ch.basicGet(queue, true)).isNull();
    }

    @Test
    void aBrokerErrorInsteadOfTheReceiptIsAFailedDelivery() throws Exception {
        UUID id = Entries.put(store, Entries.some(1));
        StompDeliverer missing = new StompDeliverer(new StompDeliverer.Settings(List.of(BROKER),
                "/exchange/clair-missing-" + UUID.randomUUID() + "/notifications",
                "http://clair:6060/notifier/api/v1/notification/", false, 0, "guest", "guest",
                Duration.ofSeconds(10)));
        assertThat(notifier.deliver(missing).failed()).isEqualTo(1);
        assertThat(store.receipt(id).orElseThrow().status()).isEqualTo(ReceiptStatus.DELIVERY_FAILED);
        assertThat(store.receipt(id).orElseThrow().details()).contains("broker answered ERROR: not_found")
                .contains("no exchange");
    }
}
