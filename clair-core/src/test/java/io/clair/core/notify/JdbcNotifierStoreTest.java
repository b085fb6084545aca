package io.clair.core.notify;

import static net.javacrumbs.jsonunit.assertj.JsonAssertions.assertThatJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clair.core.index.Distribution;
import io.clair.core.index.Package;
import io.clair.core.index.PackageKind;
import io.clair.core.index.Repository;
import io.clair.core.manifest.Digest;
import io.clair.core.store.jdbc.StoreException;
import io.clair.core.store.memory.InMemoryVulnerabilityStore;
import io.clair.core.vuln.Fingerprint;
import io.clair.core.vuln.Severity;
import io.clair.core.vuln.UpdateKind;
import io.clair.core.vuln.UpdateOperation;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The notifier's Postgres store: entry documents, paging, receipts, the one-notification rule and collection. */
class JdbcNotifierStoreTest {
    private final NotifierStore store = NotifierPipelineTest.notifierStore();

    static UpdateOperation uo(String updater) {
        return new UpdateOperation(UUID.randomUUID(), updater, new Fingerprint("f"), Instant.now(),
                UpdateKind.VULNERABILITY);
    }

    static Notification entry(int i, Reason reason) {
        Package src = Package.builder("openssl", "").kind(PackageKind.SOURCE).build();
        Package pkg = Package.builder("libssl3", "3.0.2-0ubuntu1." + i).arch("amd64").source(src).build();
        Distribution d = new Distribution("", "ubuntu", "Ubuntu", "22.04 (Jammy)", "jammy", "22.04", "", "",
                "Ubuntu 22.04");
        return new Notification(UUID.randomUUID(), Digest.of("sha256", ("m" + i).getBytes(StandardCharsets.UTF_8)),
                reason, new VulnSummary("CVE-2024-000" + i, "a flaw", pkg, d,
                        new Repository("", "Ubuntu", "", "", ""), Severity.High, "3.0.2-0ubuntu1.15",
                        "https://ubuntu.com/security/CVE-2024-000" + i));
    }

    @Test
    void entriesKeepClairsDocumentShape() {
        Notification n = entry(1, Reason.ADDED);
        assertThatJson(NotificationCodec.toJsonString(n)).isEqualTo("""
                {"id":"%s","manifest":"%s","reason":"added","vulnerability":{"name":"CVE-2024-0001",
                 "description":"a flaw",
                 "package":{"id":"","name":"libssl3","version":"3.0.2-0ubuntu1.1","kind":"binary",
                   "source":{"id":"","name":"openssl","version":"","kind":"source","normalized_version":"",
                     "module":"","arch":"","cpe":""},
                   "normalized_version":"","module":"","arch":"amd64","cpe":""},
                 "distribution":{"id":"","did":"ubuntu","name":"Ubuntu","version":"22.04 (Jammy)",
                   "version_code_name":"jammy","version_id":"22.04","arch":"","cpe":"","pretty_name":"Ubuntu 22.04"},
                 "repository":{"id":"","name":"Ubuntu","key":"","uri":"","cpe":""},
                 "repo":{"id":"","name":"Ubuntu","key":"","uri":"","cpe":""},
                 "severity":"High","normalized_severity":"High","fixed_in_version":"3.0.2-0ubuntu1.15",
                 "links":"https://ubuntu.com/security/CVE-2024-0001"}}
                """.formatted(n.id(), n.manifest()));
        assertThat(NotificationCodec.fromJson(NotificationCodec.toJsonString(n))).isEqualTo(n);
    }

    @Test
    void pagesFollowIdsAndEndWithoutNext() {
        List<Notification> entries = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            entries.add(entry(i, i % 2 == 0 ? Reason.ADDED : Reason.REMOVED));
        }
        UUID id = UUID.randomUUID();
        store.putNotifications(id, uo("u"), entries);
        Notifier reader = new Notifier(store, UpdateSource.of(new InMemoryVulnerabilityStore()), v -> java.util.Map.of(),
                new io.clair.core.store.LocalLocks(), NotifierOptions.defaults());
        List<Notification> read = NotifierPipelineTest.all(reader, id, 3);
        assertThat(read).containsExactlyInAnyOrderElementsOf(entries);
        // Postgres orders uuids by their bytes, which is their text order (UUID.compareTo compares signed longs)
        assertThat(read).extracting(n -> n.id().toString()).isSorted();
        NotificationPage exact = store.page(id, null, 7).orElseThrow();
        assertThat(exact.notifications()).hasSize(7);
        assertThat(exact.next()).isEmpty();
        assertThat(store.page(UUID.randomUUID(), null, 7)).isEmpty();
    }

    @Test
    void receiptsMoveThroughTheirStatuses() {
        UUID id = UUID.randomUUID();
        UpdateOperation op = uo("u");
        store.putNotifications(id, op, List.of(entry(1, Reason.ADDED)));
        assertThat(store.processed(op.ref())).isTrue();
        assertThat(store.processed(UUID.randomUUID())).isFalse();
        assertThat(store.deliverable()).extracting(Receipt::notificationId).containsExactly(id);

        assertThat(store.setStatus(id, ReceiptStatus.DELIVERY_FAILED, "notifier: webhook answered 503")).isTrue();
        Receipt failed = store.receipt(id).orElseThrow();
        assertThat(failed.status()).isEqualTo(ReceiptStatus.DELIVERY_FAILED);
        assertThat(failed.details()).isEqualTo("notifier: webhook answered 503");
        assertThat(failed.updater()).isEqualTo("u");
        assertThat(store.deliverable()).extracting(Receipt::notificationId).containsExactly(id);

        assertThat(store.setStatus(id, ReceiptStatus.DELIVERED, "")).isTrue();
        assertThat(store.receipt(id).orElseThrow().details()).isEmpty();
        assertThat(store.deliverable()).isEmpty();
        assertThat(store.setStatus(UUID.randomUUID(), ReceiptStatus.DELETED, "")).isFalse();
    }

    @Test
    void anOperationGetsOneNotificationOnly() {
        UpdateOperation op = uo("u");
        store.putReceipt(UUID.randomUUID(), op, ReceiptStatus.DELIVERED);
        assertThatThrownBy(() -> store.putNotifications(UUID.randomUUID(), op, List.of(entry(1, Reason.ADDED))))
                .isInstanceOf(StoreException.class).hasMessageContaining("receipt_uo_ref_key");
    }

    @Test
    void garbageCollectionKeepsPendingWorkAndTheNewestMark() {
        UpdateOperation older = uo("u");
        UUID deleted = UUID.randomUUID();
        store.putNotifications(deleted, older, List.of(entry(1, Reason.ADDED)));
        store.setStatus(deleted, ReceiptStatus.DELETED, "");
        UpdateOperation newer = uo("u");
        UUID delivered = UUID.randomUUID();
        store.putNotifications(delivered, newer, List.of(entry(2, Reason.ADDED)));
        store.setStatus(delivered, ReceiptStatus.DELIVERED, "");
        UUID created = UUID.randomUUID();
        UpdateOperation other = uo("v");
        store.putNotifications(created, other, List.of(entry(3, Reason.ADDED)));

        // within retention: only the acknowledged one goes, and its operation's mark with it (a newer one exists)
        assertThat(store.collectGarbage(Instant.now().minus(Duration.ofDays(14)))).isEqualTo(1);
        assertThat(store.page(deleted, null, 10)).isEmpty();
        assertThat(store.processed(older.ref())).isFalse();
        assertThat(store.receipt(delivered)).isPresent();

        // past retention: delivered goes, created stays; the newest mark of "u" stays so it is not notified again
        assertThat(store.collectGarbage(Instant.now().plus(Duration.ofDays(1)))).isEqualTo(1);
        assertThat(store.receipt(delivered)).isEmpty();
        assertThat(store.processed(newer.ref())).isTrue();
        assertThat(store.receipt(created).orElseThrow().status()).isEqualTo(ReceiptStatus.CREATED);
    }
}
