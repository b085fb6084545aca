package io.clair.core.notify;

import io.clair.core.vuln.UpdateOperation;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Persistence of the notifier: which update operations were processed, the notifications made for them, and their
 * delivery receipts. Implementations are thread-safe and safe to share between replicas (the JDBC one is).
 */
public interface NotifierStore {

    /**
     * True once {@code updateOperation} has been processed, whether it produced notifications or not. Stays true
     * after its notification is garbage-collected while the operation is its updater's newest processed one, so
     * that an unchanged feed is never notified twice.
     */
    boolean processed(UUID updateOperation);

    /**
     * Stores the notification {@code notificationId} for {@code uo} with its entries and a receipt in status
     * {@link ReceiptStatus#CREATED}, atomically. Fails if {@code uo} already has a receipt.
     */
    void putNotifications(UUID notificationId, UpdateOperation uo, List<Notification> entries);

    /** Records that {@code uo} was processed with nothing to tell: a notification without entries, in {@code status}. */
    void putReceipt(UUID notificationId, UpdateOperation uo, ReceiptStatus status);

    Optional<Receipt> receipt(UUID notificationId);

    Optional<Receipt> receiptByUpdateOperation(UUID updateOperation);

    /**
     * Entries of {@code notificationId} with ids above {@code after} (all when null), at most {@code size}; empty
     * when the notification does not exist.
     */
    Optional<NotificationPage> page(UUID notificationId, UUID after, int size);

    /** Receipts waiting for (another) delivery attempt: {@code created} and {@code delivery_failed}, oldest first. */
    List<Receipt> deliverable();

    /** Sets a receipt's status (and failure details, {@code ""} for none); false when the notification is unknown. */
    boolean setStatus(UUID notificationId, ReceiptStatus status, String details);

    /**
     * Deletes notifications whose receipt is {@code deleted}, and those whose receipt last changed before
     * {@code cutoff} unless still {@code created}; forgets processed operations that have nothing left and are not
     * their updater's newest. Returns how many notifications went.
     */
    int collectGarbage(Instant cutoff);
}
