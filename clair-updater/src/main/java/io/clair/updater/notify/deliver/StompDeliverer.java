package io.clair.updater.notify.deliver;

import io.clair.core.notify.Callback;
import io.clair.core.notify.Deliverer;
import io.clair.core.notify.DeliveryException;
import io.clair.core.notify.NotificationCodec;
import io.clair.core.notify.NotificationPage;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Clair's STOMP deliverer: connects to the first reachable broker of {@code uris} and sends the callback JSON to
 * {@code destination}, or ({@code direct}) the entries as JSON arrays of at most {@code rollup} inside one STOMP
 * transaction. Every frame waits for the broker's receipt; within a transaction the COMMIT's receipt stands for all.
 * Note that RabbitMQ carries out a transaction's frames after acknowledging its COMMIT, so a failure there (say, an
 * exchange deleted meanwhile) is not seen by the sender, as with Clair's own STOMP deliverer.
 */
public final class StompDeliverer implements Deliverer {
    private static final Logger LOG = LoggerFactory.getLogger(StompDeliverer.class);

    /**
     * @param uris     brokers as {@code host:port}, tried in order
     * @param callback the callback base URL; may be null when {@code direct}
     * @param login    null to connect without credentials
     */
    public record Settings(List<String> uris, String destination, String callback, boolean direct, int rollup,
            String login, String passcode, Duration timeout) {
        public Settings {
            uris = List.copyOf(uris);
            if (uris.isEmpty()) {
                throw new IllegalArgumentException("notifier: stomp: at least one broker host:port is required");
            }
            if (destination == null || destination.isBlank()) {
                throw new IllegalArgumentException("notifier: stomp: a destination is required");
            }
            if (!direct) {
                Callback.of(callback, UUID.randomUUID());
            }
            if (rollup < 0) {
                throw new IllegalArgumentException("notifier: stomp: rollup must not be negative, got " + rollup);
            }
            Objects.requireNonNull(timeout, "timeout");
        }
    }

    private final Settings settings;

    public StompDeliverer(Settings settings) {
        this.settings = settings;
    }

    @Override
    public String name() {
        return settings.direct() ? "stomp-direct" : "stomp";
    }

    @Override
    public boolean direct() {
        return settings.direct();
    }

    @Override
    public void deliver(UUID notificationId, Entries entries) throws DeliveryException {
        try (StompConnection c = connect()) {
            if (!settings.direct()) {
                c.send(settings.destination(), Callback.of(settings.callback(), notificationId).toJson(), null);
                return;
            }
            String tx = "clair-" + notificationId;
            c.begin(tx);
            try {
                int rollup = Math.max(1, settings.rollup());
                UUID after = null;
                do {
                    NotificationPage p = entries.page(after, rollup);
                    if (!p.notifications().isEmpty()) {
                        c.send(settings.destination(), NotificationCodec.toJsonArray(p.notifications()), tx);
                    }
                    after = p.next().orElse(null);
                } while (after != null);
            } catch (IOException | RuntimeException e) {
                abortQuietly(c, tx);
                throw e;
            }
            c.commit(tx);
        } catch (IOException | RuntimeException e) {
            throw new DeliveryException("notifier: stomp: delivering " + notificationId + " failed: "
                    + Errors.describe(e), e);
        }
    }

    private static void abortQuietly(StompConnection c, String tx) {
        try {
            c.abort(tx);
        } catch (IOException e) {
            // the broker drops an uncommitted transaction with the connection anyway
            LOG.atDebug().addKeyValue("err", e.getMessage()).log("stomp abort failed");
        }
    }

    private StompConnection connect() throws IOException {
        List<String> errors = new ArrayList<>();
        for (String uri : settings.uris()) {
            try {
                return StompConnection.open(uri, settings.login(), settings.passcode(), settings.timeout());
            } catch (IOException | RuntimeException e) {
                LOG.atDebug().addKeyValue("broker", uri).addKeyValue("err", Errors.describe(e))
                        .log("stomp broker unreachable; trying the next");
                errors.add(uri + ": " + Errors.describe(e));
            }
        }
        throw new IOException("no broker reachable (" + String.join("; ", errors) + ")");
    }
}
