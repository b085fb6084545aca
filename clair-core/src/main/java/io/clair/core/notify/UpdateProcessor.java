package io.clair.core.notify;

import io.clair.core.manifest.Digest;
import io.clair.core.store.LockSource;
import io.clair.core.vuln.UpdateDiff;
import io.clair.core.vuln.UpdateOperation;
import io.clair.core.vuln.Vulnerability;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the notification for one update operation: diff against the updater's previous operation, ask which
 * manifests the added and the removed records affect, and store the entries with a receipt. Runs under the
 * operation's lock, so that replicas never make two notifications for one operation.
 */
final class UpdateProcessor {
    private static final Logger LOG = LoggerFactory.getLogger(UpdateProcessor.class);

    private final NotifierStore store;
    private final UpdateSource updates;
    private final AffectedManifestLookup lookup;
    private final LockSource locks;
    private final NotifierOptions options;

    UpdateProcessor(NotifierStore store, UpdateSource updates, AffectedManifestLookup lookup, LockSource locks,
            NotifierOptions options) {
        this.store = store;
        this.updates = updates;
        this.lookup = lookup;
        this.locks = locks;
        this.options = options;
    }

    /** Processes {@code newestFirst.get(0)}, the newest operation of one updater. */
    ProcessResult process(List<UpdateOperation> newestFirst) {
        UpdateOperation cur = newestFirst.get(0);
        long t0 = System.nanoTime();
        ProcessResult r;
        Optional<LockSource.Held> lock = locks.tryLock(cur.ref().toString());
        if (lock.isEmpty()) {
            r = new ProcessResult(cur, ProcessResult.Outcome.LOCKED, null, 0, "");
        } else {
            try (LockSource.Held held = lock.get()) {
                r = locked(cur, newestFirst);
            } catch (IOException | RuntimeException e) {
                LOG.atError().addKeyValue("updater", cur.updater()).addKeyValue("uo", cur.ref())
                        .addKeyValue("err", e.getMessage()).setCause(e).log("notifier: processing failed");
                r = new ProcessResult(cur, ProcessResult.Outcome.FAILED, null, 0, "notifier: " + cur.updater()
                        + ": " + e.getMessage());
            }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        LOG.atInfo().addKeyValue("updater", cur.updater()).addKeyValue("uo", cur.ref())
                .addKeyValue("outcome", r.outcome()).addKeyValue("notification", r.notificationId())
                .addKeyValue("entries", r.entries()).addKeyValue("ms", took.toMillis()).log("update processed");
        options.listener().processed(r, took);
        return r;
    }

    private ProcessResult locked(UpdateOperation cur, List<UpdateOperation> newestFirst) throws IOException {
        // checked again under the lock: another replica may have finished between the poll and the lock
        if (store.processed(cur.ref())) {
            return new ProcessResult(cur, ProcessResult.Outcome.ALREADY_PROCESSED, null, 0, "");
        }
        UUID id = UUID.randomUUID();
        if (newestFirst.size() < 2) {
            // a first run "adds" every record; telling every manifest about all of them would be noise
            store.putReceipt(id, cur, ReceiptStatus.DELIVERED);
            return new ProcessResult(cur, ProcessResult.Outcome.FIRST, id, 0, "");
        }
        UpdateDiff diff = updates.diff(newestFirst.get(1).ref(), cur.ref());
        NotificationBuilder builder = new NotificationBuilder(!options.disableSummary());
        ask(diff.added(), Reason.ADDED, builder);
        ask(diff.removed(), Reason.REMOVED, builder);
        List<Notification> entries = builder.build();
        LOG.atDebug().addKeyValue("updater", cur.updater()).addKeyValue("added", diff.added().size())
                .addKeyValue("removed", diff.removed().size()).addKeyValue("entries", entries.size())
                .log("update diffed");
        if (entries.isEmpty()) {
            store.putReceipt(id, cur, ReceiptStatus.DELIVERED);
            return new ProcessResult(cur, ProcessResult.Outcome.NOTHING_AFFECTED, id, 0, "");
        }
        store.putNotifications(id, cur, entries);
        return new ProcessResult(cur, ProcessResult.Outcome.CREATED, id, entries.size(), "");
    }

    private void ask(List<Vulnerability> vulns, Reason reason, NotificationBuilder builder) throws IOException {
        for (int i = 0; i < vulns.size(); i += options.chunkSize()) {
            List<Vulnerability> chunk = vulns.subList(i, Math.min(vulns.size(), i + options.chunkSize()));
            Map<Digest, List<Vulnerability>> affected = lookup.affected(chunk);
            builder.add(reason, affected);
        }
    }
}
