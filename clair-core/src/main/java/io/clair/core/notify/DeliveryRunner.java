package io.clair.core.notify;

import io.clair.core.store.LockSource;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One delivery pass: every notification in {@code created} or {@code delivery_failed} is handed to the deliverer
 * under its own lock. Success marks the receipt {@code delivered} ({@code deleted} for direct deliverers, whose
 * receivers have everything already); failure marks it {@code delivery_failed} with the reason, and the next pass
 * tries again.
 */
final class DeliveryRunner {
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryRunner.class);

    private final NotifierStore store;
    private final LockSource locks;
    private final NotifierListener listener;

    DeliveryRunner(NotifierStore store, LockSource locks, NotifierListener listener) {
        this.store = store;
        this.locks = locks;
        this.listener = listener;
    }

    DeliveryReport run(Deliverer deliverer) {
        int delivered = 0;
        int failed = 0;
        int skipped = 0;
        for (Receipt r : store.deliverable()) {
            Optional<LockSource.Held> lock = locks.tryLock(r.notificationId().toString());
            if (lock.isEmpty()) {
                skipped++;
                continue;
            }
            try (LockSource.Held held = lock.get()) {
                // another replica may have delivered it between the listing and the lock
                Optional<Receipt> now = store.receipt(r.notificationId());
                if (now.isEmpty() || !(now.get().status() == ReceiptStatus.CREATED
                        || now.get().status() == ReceiptStatus.DELIVERY_FAILED)) {
                    skipped++;
                    continue;
                }
                if (deliverOne(deliverer, r)) {
                    delivered++;
                } else {
                    failed++;
                }
            }
        }
        return new DeliveryReport(delivered, failed, skipped);
    }

    private boolean deliverOne(Deliverer deliverer, Receipt r) {
        try {
            deliverer.deliver(r.notificationId(), (after, size) -> store.page(r.notificationId(), after, size)
                    .orElseThrow(() -> new IllegalStateException("notifier: notification " + r.notificationId()
                            + " vanished during delivery")));
        } catch (DeliveryException | RuntimeException e) {
            store.setStatus(r.notificationId(), ReceiptStatus.DELIVERY_FAILED, e.getMessage());
            LOG.atWarn().addKeyValue("deliverer", deliverer.name()).addKeyValue("notification", r.notificationId())
                    .addKeyValue("updater", r.updater()).addKeyValue("err", e.getMessage())
                    .log("notifier: delivery failed; retrying on the next pass");
            listener.delivered(deliverer.name(), false);
            return false;
        }
        store.setStatus(r.notificationId(), deliverer.direct() ? ReceiptStatus.DELETED : ReceiptStatus.DELIVERED, "");
        LOG.atInfo().addKeyValue("deliverer", deliverer.name()).addKeyValue("notification", r.notificationId())
                .addKeyValue("updater", r.updater()).log("notification delivered");
        listener.delivered(deliverer.name(), true);
        return true;
    }
}
