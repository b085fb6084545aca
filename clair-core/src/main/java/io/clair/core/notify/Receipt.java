package io.clair.core.notify;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The delivery state of one notification, which exists once per processed update operation.
 *
 * @param notificationId the notification (the id receivers are given)
 * @param updateOperation the update operation the notification was made for
 * @param updater         the updater that recorded that operation
 * @param ts              when the status last changed
 * @param details         what the last delivery attempt said when it failed, else {@code ""}
 */
public record Receipt(UUID notificationId, UUID updateOperation, String updater, ReceiptStatus status, Instant ts,
        String details) {
    public Receipt {
        Objects.requireNonNull(notificationId, "notificationId");
        Objects.requireNonNull(updateOperation, "updateOperation");
        Objects.requireNonNull(status, "status");
        updater = updater == null ? "" : updater;
        details = details == null ? "" : details;
    }
}
