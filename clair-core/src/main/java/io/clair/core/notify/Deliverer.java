package io.clair.core.notify;

import java.util.UUID;

/**
 * Hands notifications to the outside world: a webhook, an AMQP broker or a STOMP broker. One deliverer is
 * configured per notifier. A deliverer either tells the receiver where to fetch a notification (a callback, and the
 * receiver later deletes it through the API) or, when {@link #direct()}, publishes the entries themselves.
 */
public interface Deliverer {

    /** For logs and metrics, e.g. {@code webhook} or {@code amqp-direct}. */
    String name();

    /** True when the entries themselves are published, so that nothing is left for a receiver to fetch. */
    boolean direct();

    /**
     * Delivers one notification; returns only when the receiver has it.
     *
     * @param entries reads the notification's entries, for direct deliverers
     * @throws DeliveryException when the receiver did not take it; delivery is retried on the next run
     */
    void deliver(UUID notificationId, Entries entries) throws DeliveryException;

    /** Pages through one notification's entries. */
    @FunctionalInterface
    interface Entries {
        NotificationPage page(UUID after, int size);
    }
}
