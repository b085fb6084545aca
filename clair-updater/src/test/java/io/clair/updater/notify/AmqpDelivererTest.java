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
import io.clair.updater.notify.deliver.AmqpDeliverer;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The AMQP deliverer against the local RabbitMQ: a test exchange bound to a test queue, as an administrator would
 * declare them; messages are read back with {@code basic.get}. Both modes, broker failover, and a missing exchange.
 */
class AmqpDelivererTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BROKER = "amqp://guest:guest@" + Brokers.HOST + ":" + Brokers.AMQP_PORT + "/%2f";
    private static final String CLOSED = "amqp://guest:guest@" + Brokers.HOST + ":1/%2f";

    private Connection conn;
    private Channel ch;
    private String exchange;
    private String queue;
    private final NotifierStore store = Entries.store();
    private final Notifier notifier = new Notifier(store, UpdateSource.of(new InMemoryVulnerabilityStore()),
            v -> Map.of(), new LocalLocks(), NotifierOptions.defaults());

    @BeforeEach
    void declare() throws Exception {
        Brokers.requireAmqp();
        ConnectionFactory f = new ConnectionFactory();
        f.setUri(BROKER);
        conn = f.newConnection("clair-notifier-test");
        ch = conn.createChannel();
        exchange = "clair-test-" + UUID.randomUUID();
        ch.exchangeDeclare(exchange, "direct", false, true, null);
        queue = ch.queueDeclare().getQueue();
        ch.queueBind(queue, exchange, "notifications");
    }

    @AfterEach
    void remove() throws Exception {
        ch.exchangeDelete(exchange);
        conn.close();
    }

    private AmqpDeliverer deliverer(List<String> uris, String exchangeName, boolean direct, int rollup) {
        return new AmqpDeliverer(new AmqpDeliverer.Settings(uris.stream().map(URI::create).toList(), exchangeName,
                "notifications", "http://clair:6060/notifier/api/v1/notification/", direct, rollup,
                Duration.ofSeconds(10)));
    }

    @Test
    void publishesTheCallbackThroughTheFirstReachableBroker() throws Exception {
        UUID id = Entries.put(store, Entries.some(3));
        assertThat(notifier.deliver(deliverer(List.of(CLOSED, BROKER), exchange, false, 0)).delivered())
                .isEqualTo(1);
        GetResponse m = Brokers.receive(ch, queue, 1).get(0);
        assertThat(m.getProps().getContentType()).isEqualTo("application/json");
        assertThat(m.getProps().getAppId()).isEqualTo("clairV4-notifier");
        JsonNode body = JSON.readTree(m.getBody());
        assertThat(body.get("notification_id").asText()).isEqualTo(id.toString());
        assertThat(body.get("callback").asText()).isEqualTo("http://clair:6060/notifier/api/v1/notification/" + id);
        assertThat(store.receipt(id).orElseThrow().status()).isEqualTo(ReceiptStatus.DELIVERED);
    }

    @Test
    void directPublishesTheEntriesInArraysOfRollup() throws Exception {
        List<Notification> entries = Entries.some(5);
        UUID id = Entries.put(store, entries);
        assertThat(notifier.deliver(deliverer(List.of(BROKER), exchange, true, 2)).delivered()).isEqualTo(1);
        List<Notification> got = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        for (GetResponse m : Brokers.receive(ch, queue, 3)) {
            assertThat(m.getProps().getAppId()).isEqualTo("clairV4-notifier");
            JsonNode array = JSON.readTree(m.getBody());
            sizes.add(array.size());
            array.forEach(n -> got.add(NotificationCodec.fromJson(n)));
        }
        assertThat(sizes).containsExactly(2, 2, 1);
        assertThat(got).containsExactlyInAnyOrderElementsOf(entries);
        // nothing is left for a receiver to fetch
        assertThat(store.receipt(id).orElseThrow().status()).isEqualTo(ReceiptStatus.DELETED);
    }

    @Test
    void aMissingExchangeFailsTheDeliveryAndPublishesNothing() throws Exception {
        UUID id = Entries.put(store, Entries.some(1));
        assertThat(notifier.deliver(deliverer(List.of(BROKER), exchange + "-missing", true, 1)).failed())
                .isEqualTo(1);
        assertThat(store.receipt(id).orElseThrow().status()).isEqualTo(ReceiptStatus.DELIVERY_FAILED);
        assertThat(store.receipt(id).orElseThrow().details()).startsWith("notifier: amqp: ").contains("NOT_FOUND");
        assertThat(ch.basicGet(queue, true)).isNull();
        // the exchange appears: the next pass delivers
        assertThat(notifier.deliver(deliverer(List.of(BROKER), exchange, true, 1)).delivered()).isEqualTo(1);
        Brokers.receive(ch, queue, 1);
    }

    @Test
    void noReachableBrokerNamesEveryOneTried() {
        UUID id = Entries.put(store, Entries.some(1));
        assertThat(notifier.deliver(deliverer(List.of(CLOSED), exchange, false, 0)).failed()).isEqualTo(1);
        assertThat(store.receipt(id).orElseThrow().details()).contains("no broker reachable")
                .contains("amqp://guest:***@127.0.0.1:1/%2f").doesNotContain("guest:guest");
    }
}
