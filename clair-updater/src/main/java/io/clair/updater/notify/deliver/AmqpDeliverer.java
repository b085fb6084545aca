package io.clair.updater.notify.deliver;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.clair.core.notify.Callback;
import io.clair.core.notify.Deliverer;
import io.clair.core.notify.DeliveryException;
import io.clair.core.notify.NotificationCodec;
import io.clair.core.notify.NotificationPage;
import java.io.IOException;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Clair's AMQP 0-9-1 deliverer. Connects to the first reachable broker of {@code uris}, checks that the exchange
 * exists (a passive declare: administrators declare exchanges, queues and bindings), then either publishes the
 * callback JSON and waits for the broker's confirm, or ({@code direct}) publishes the entries as JSON arrays of at
 * most {@code rollup} inside one AMQP transaction, so that a receiver sees all of a notification or none of it.
 * Messages carry content type {@code application/json} and app id {@code clairV4-notifier}, as Clair's do.
 */
public final class AmqpDeliverer implements Deliverer {
    private static final Logger LOG = LoggerFactory.getLogger(AmqpDeliverer.class);
    static final String APP_ID = "clairV4-notifier";

    /**
     * @param exchange   empty for the default exchange
     * @param callback   the callback base URL; may be null when {@code direct}
     * @param rollup     entries per direct message; 0 means 1
     */
    public record Settings(List<URI> uris, String exchange, String routingKey, String callback, boolean direct,
            int rollup, Duration timeout) {
        public Settings {
            uris = List.copyOf(uris);
            if (uris.isEmpty()) {
                throw new IllegalArgumentException("notifier: amqp: at least one broker URI is required");
            }
            exchange = exchange == null ? "" : exchange;
            routingKey = routingKey == null ? "" : routingKey;
            if (!direct) {
                Callback.of(callback, UUID.randomUUID());
            }
            if (rollup < 0) {
                throw new IllegalArgumentException("notifier: amqp: rollup must not be negative, got " + rollup);
            }
            Objects.requireNonNull(timeout, "timeout");
        }
    }

    private final Settings settings;

    public AmqpDeliverer(Settings settings) {
        this.settings = settings;
    }

    @Override
    public String name() {
        return settings.direct() ? "amqp-direct" : "amqp";
    }

    @Override
    public boolean direct() {
        return settings.direct();
    }

    @Override
    public void deliver(UUID notificationId, Entries entries) throws DeliveryException {
        try (Connection conn = connect(); Channel ch = conn.createChannel()) {
            if (!settings.exchange().isEmpty()) {
                ch.exchangeDeclarePassive(settings.exchange());
            }
            AMQP.BasicProperties props = new AMQP.BasicProperties.Builder().contentType("application/json")
                    .appId(APP_ID).deliveryMode(2).build();
            if (settings.direct()) {
                publishDirect(ch, props, notificationId, entries);
            } else {
                ch.confirmSelect();
                ch.basicPublish(settings.exchange(), settings.routingKey(), props,
                        Callback.of(settings.callback(), notificationId).toJson());
                ch.waitForConfirmsOrDie(settings.timeout().toMillis());
            }
        } catch (IOException | TimeoutException | RuntimeException e) {
            throw new DeliveryException("notifier: amqp: delivering " + notificationId + " failed: "
                    + Errors.describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException("notifier: amqp: interrupted while delivering " + notificationId, e);
        }
    }

    private void publishDirect(Channel ch, AMQP.BasicProperties props, UUID id, Entries entries) throws IOException {
        int rollup = Math.max(1, settings.rollup());
        ch.txSelect();
        try {
            UUID after = null;
            do {
                NotificationPage p = entries.page(after, rollup);
                if (!p.notifications().isEmpty()) {
                    ch.basicPublish(settings.exchange(), settings.routingKey(), props,
                            NotificationCodec.toJsonArray(p.notifications()));
                }
                after = p.next().orElse(null);
            } while (after != null);
            ch.txCommit();
        } catch (IOException | RuntimeException e) {
            if (ch.isOpen()) {
                ch.txRollback();
            }
            throw e;
        }
        LOG.atDebug().addKeyValue("notification", id).log("amqp transaction committed");
    }

    /** The first broker that accepts a connection; the error names every broker tried. */
    private Connection connect() throws IOException {
        List<String> errors = new ArrayList<>();
        for (URI uri : settings.uris()) {
            try {
                return factory(uri).newConnection("clair-notifier");
            } catch (IOException | TimeoutException | GeneralSecurityException | RuntimeException e) {
                LOG.atDebug().addKeyValue("broker", redact(uri)).addKeyValue("err", Errors.describe(e))
                        .log("amqp broker unreachable; trying the next");
                errors.add(redact(uri) + ": " + Errors.describe(e));
            }
        }
        throw new IOException("no broker reachable (" + String.join("; ", errors) + ")");
    }

    private ConnectionFactory factory(URI uri) throws GeneralSecurityException {
        ConnectionFactory f = new ConnectionFactory();
        try {
            f.setUri(uri);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("bad broker URI " + redact(uri) + ": " + e.getMessage(), e);
        }
        if ("amqps".equalsIgnoreCase(uri.getScheme())) {
            // setUri alone would trust any certificate; use the JVM's trust store and check the host name
            f.useSslProtocol(defaultSsl());
            f.enableHostnameVerification();
        }
        f.setConnectionTimeout((int) settings.timeout().toMillis());
        f.setHandshakeTimeout((int) settings.timeout().toMillis());
        f.setAutomaticRecoveryEnabled(false);
        return f;
    }

    private static SSLContext defaultSsl() throws NoSuchAlgorithmException {
        return SSLContext.getDefault();
    }

    /** The URI without its password, for logs and receipts. */
    static String redact(URI uri) {
        String info = uri.getRawUserInfo();
        if (info == null) {
            return uri.toString();
        }
        int colon = info.indexOf(':');
        return uri.toString().replace(info + "@", (colon < 0 ? info : info.substring(0, colon)) + ":***@");
    }
}
