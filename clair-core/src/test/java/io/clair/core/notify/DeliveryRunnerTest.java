package io.clair.core.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.clair.core.store.LocalLocks;
import io.clair.core.store.LockSource;
import io.clair.core.store.memory.InMemoryVulnerabilityStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The delivery pass over the Postgres store, with receivers written here: a failed hand-over is retried on the next
 * pass, a direct delivery reads every entry and leaves nothing to fetch, and a notification another replica holds
 * is left alone. (The real webhook, AMQP and STOMP deliverers are tested against real peers in clair-updater.)
 */
class DeliveryRunnerTest {
    private final NotifierStore store = NotifierPipelineTest.notifierStore();
    private final LocalLocks locks = new LocalLocks();
    private final Notifier notifier = new Notifier(store, UpdateSource.of(new InMemoryVulnerabilityStore()),
            v -> Map.of(), locks, NotifierOptions.defaults());

    /** Fails while {@code failures} is positive, else records what it got. */
    private static final class Receiver implements Deliverer {
        final boolean direct;
        int failures;
        final List<UUID> got = new ArrayList<>();
        final List<Notification> entries = new ArrayList<>();

        Receiver(boolean direct, int failures) {
            this.direct = direct;
            this.failures = failures;
        }

        @Override
        public String name() {
            return "test";
        }

        @Override
        public boolean direct() {
            return direct;
        }

        @Override
        public void deliver(UUID id, Entries e) throws DeliveryException {
            if (failures-- > 0) {
                throw new DeliveryException("notifier: test receiver is down");
            }
            got.add(id);
            if (direct) {
                UUID after = null;
                NotificationPage p;
                do {
                    p = e.page(after, 2);
                    entries.addAll(p.notifications());
                    after = p.next().orElse(null);
                } while (after != null);
            }
        }
    }

    @Test
    void aFailedDeliveryIsRetriedOnTheNextPass() {
        UUID id = UUID.randomUUID();
        store.putNotifications(id, JdbcNotifierStoreTest.uo("u"), List.of(JdbcNotifierStoreTest.entry(1,
                Reason.ADDED)));
        Receiver r = new Receiver(false, 1);
        assertThat(notifier.deliver(r)).isEqualTo(new DeliveryReport(0, 1, 0));
        Receipt failed = store.receipt(id).orElseThrow();
        assertThat(failed.status()).isEqualTo(ReceiptStatus.DELIVERY_FAILED);
        assertThat(failed.details()).isEqualTo("notifier: test receiver is down");
        assertThat(notifier.deliver(r)).isEqualTo(new DeliveryReport(1, 0, 0));
        assertThat(r.got).containsExactly(id);
        assertThat(store.receipt(id).orElseThrow().status()).isEqualTo(ReceiptStatus.DELIVERED);
        assertThat(notifier.deliver(r)).isEqualTo(new DeliveryReport(0, 0, 0));
    }

    @Test
    void directDeliveryReadsEveryEntryAndMarksTheNotificationDeleted() {
        UUID id = UUID.randomUUID();
        List<Notification> entries = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            entries.add(JdbcNotifierStoreTest.entry(i, Reason.ADDED));
        }
        store.putNotifications(id, JdbcNotifierStoreTest.uo("u"), entries);
        Receiver r = new Receiver(true, 0);
        assertThat(notifier.deliver(r).delivered()).isEqualTo(1);
        assertThat(r.entries).containsExactlyInAnyOrderElementsOf(entries);
        assertThat(store.receipt(id).orElseThrow().status()).isEqualTo(ReceiptStatus.DELETED);
        assertThat(notifier.collectGarbage()).isEqualTo(1);
        assertThat(notifier.receipt(id)).isEmpty();
    }

    @Test
    void aNotificationHeldByAnotherReplicaIsSkipped() {
        UUID id = UUID.randomUUID();
        store.putNotifications(id, JdbcNotifierStoreTest.uo("u"), List.of(JdbcNotifierStoreTest.entry(1,
                Reason.ADDED)));
        Receiver r = new Receiver(false, 0);
        try (LockSource.Held held = locks.lock(id.toString())) {
            // LocalLocks are reentrant for the holding thread; another thread stands for the other replica
            DeliveryReport[] report = new DeliveryReport[1];
            Thread t = new Thread(() -> report[0] = notifier.deliver(r));
            t.start();
            join(t);
            assertThat(report[0]).isEqualTo(new DeliveryReport(0, 0, 1));
        }
        assertThat(r.got).isEmpty();
        assertThat(notifier.deliver(r).delivered()).isEqualTo(1);
    }

    private static void join(Thread t) {
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
