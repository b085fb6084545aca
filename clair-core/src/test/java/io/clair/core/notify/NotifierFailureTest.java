package io.clair.core.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.clair.core.manifest.Digest;
import io.clair.core.store.LocalLocks;
import io.clair.core.store.LockSource;
import io.clair.core.store.memory.InMemoryVulnerabilityStore;
import io.clair.core.vuln.Fingerprint;
import io.clair.core.vuln.UpdateOperation;
import io.clair.core.vuln.Vulnerability;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * What the notifier does when the indexer cannot answer, or another replica is on the same operation: nothing is
 * stored, and a later poll does the work.
 */
class NotifierFailureTest {
    private static final Digest IMAGE = Digest.of("sha256", "image".getBytes(StandardCharsets.UTF_8));

    private final InMemoryVulnerabilityStore vulns = new InMemoryVulnerabilityStore();
    private final NotifierStore store = NotifierPipelineTest.notifierStore();
    private final LocalLocks locks = new LocalLocks();
    private final AtomicInteger outages = new AtomicInteger();
    /** Says every added record affects {@link #IMAGE}, unless an outage is pending. */
    private final AffectedManifestLookup lookup = vs -> {
        if (outages.getAndDecrement() > 0) {
            throw new IOException("indexer: connection refused");
        }
        return vs.isEmpty() ? Map.of() : Map.of(IMAGE, List.<Vulnerability>copyOf(vs));
    };
    private final Notifier notifier = new Notifier(store, UpdateSource.of(vulns), lookup, locks,
            NotifierOptions.defaults());

    private UpdateOperation twoRuns() throws IOException {
        vulns.recordUpdate(AlpineUpdates.UPDATER, new Fingerprint("1"), AlpineUpdates.real(), null);
        assertThat(notifier.poll()).extracting(ProcessResult::outcome).containsExactly(ProcessResult.Outcome.FIRST);
        return vulns.recordUpdate(AlpineUpdates.UPDATER, new Fingerprint("2"), AlpineUpdates.realPlus(Map.of(
                "musl", Map.of("1.1.16-r16", List.of("CVE-2099-0001")))), null);
    }

    @Test
    void anIndexerOutageLeavesTheOperationForTheNextPoll() throws Exception {
        UpdateOperation op = twoRuns();
        outages.set(1);
        ProcessResult failed = notifier.poll().get(0);
        assertThat(failed.outcome()).isEqualTo(ProcessResult.Outcome.FAILED);
        assertThat(failed.error()).startsWith("notifier: " + AlpineUpdates.UPDATER).contains("connection refused");
        assertThat(store.processed(op.ref())).isFalse();

        ProcessResult created = notifier.poll().get(0);
        assertThat(created.outcome()).isEqualTo(ProcessResult.Outcome.CREATED);
        assertThat(created.entries()).isEqualTo(1);
        assertThat(store.processed(op.ref())).isTrue();
    }

    @Test
    void anOperationAnotherReplicaHoldsIsLeftAlone() throws Exception {
        UpdateOperation op = twoRuns();
        ProcessResult[] seen = new ProcessResult[1];
        try (LockSource.Held held = locks.lock(op.ref().toString())) {
            Thread other = new Thread(() -> {
                try {
                    seen[0] = notifier.poll().get(0);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            other.start();
            other.join();
        }
        assertThat(seen[0].outcome()).isEqualTo(ProcessResult.Outcome.LOCKED);
        assertThat(store.processed(op.ref())).isFalse();
        assertThat(notifier.poll()).extracting(ProcessResult::outcome)
                .containsExactly(ProcessResult.Outcome.CREATED);
    }
}
