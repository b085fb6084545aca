package io.clair.core.notify;

import io.clair.core.store.LockSource;
import io.clair.core.vuln.UpdateOperation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The notifier (Clair's {@code notifier} service) as a library: {@link #poll()} turns each updater's newest,
 * not yet processed update operation into a notification about the indexed manifests it affects;
 * {@link #deliver(Deliverer)} hands pending notifications to a receiver; {@link #collectGarbage()} removes what is
 * done with. Receivers page through a notification with {@link #page} and acknowledge it with {@link #delete}.
 *
 * <p>Any number of notifiers may share one store: each operation and each notification is worked on under its own
 * lock, so replicas split the work instead of repeating it. Every method may be called from any thread.
 */
public final class Notifier {
    private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);
    private static final String GC_LOCK = "notifier-garbage-collection";

    private final NotifierStore store;
    private final UpdateSource updates;
    private final LockSource locks;
    private final NotifierOptions options;
    private final UpdateProcessor processor;
    private final DeliveryRunner delivery;

    public Notifier(NotifierStore store, UpdateSource updates, AffectedManifestLookup lookup, LockSource locks,
            NotifierOptions options) {
        this.store = Objects.requireNonNull(store, "store");
        this.updates = Objects.requireNonNull(updates, "updates");
        this.locks = Objects.requireNonNull(locks, "locks");
        this.options = options == null ? NotifierOptions.defaults() : options;
        this.processor = new UpdateProcessor(store, updates, Objects.requireNonNull(lookup, "lookup"), locks,
                this.options);
        this.delivery = new DeliveryRunner(store, locks, this.options.listener());
    }

    /**
     * Looks at the newest update operation of every updater and processes those without a notification yet. A
     * failure for one updater is logged and reported in its result; the others still run.
     *
     * @throws IOException when the update operations cannot be listed
     */
    public List<ProcessResult> poll() throws IOException {
        Map<String, List<UpdateOperation>> ops = updates.operations();
        List<ProcessResult> out = new ArrayList<>();
        for (Map.Entry<String, List<UpdateOperation>> e : ops.entrySet()) {
            List<UpdateOperation> newestFirst = e.getValue();
            if (newestFirst.isEmpty() || store.processed(newestFirst.get(0).ref())) {
                continue;
            }
            out.add(processor.process(newestFirst));
        }
        LOG.atDebug().addKeyValue("updaters", ops.size()).addKeyValue("processed", out.size()).log("notifier polled");
        return out;
    }

    /** One delivery pass with {@code deliverer}. */
    public DeliveryReport deliver(Deliverer deliverer) {
        return delivery.run(deliverer);
    }

    /** A page of a notification's entries; empty when the notification does not exist. */
    public Optional<NotificationPage> page(UUID notificationId, UUID after, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("notifier: page size must be positive, got " + size);
        }
        return store.page(notificationId, after, size);
    }

    /**
     * Acknowledges a notification: its receipt becomes {@code deleted} and garbage collection removes it. Deleting
     * again before that is harmless; false when the notification does not exist (any more).
     */
    public boolean delete(UUID notificationId) {
        return store.setStatus(notificationId, ReceiptStatus.DELETED, "");
    }

    public Optional<Receipt> receipt(UUID notificationId) {
        return store.receipt(notificationId);
    }

    /** Removes acknowledged notifications and those past retention; 0 when another replica is collecting. */
    public int collectGarbage() {
        Optional<LockSource.Held> lock = locks.tryLock(GC_LOCK);
        if (lock.isEmpty()) {
            return 0;
        }
        try (LockSource.Held held = lock.get()) {
            int n = store.collectGarbage(options.clock().instant().minus(options.retention()));
            LOG.atInfo().addKeyValue("notifications", n).log("notifier garbage collected");
            options.listener().collected(n);
            return n;
        }
    }
}
