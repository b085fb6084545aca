package io.clair.core.update;

import io.clair.core.store.LockSource;
import io.clair.core.store.UpdaterStatus;
import io.clair.core.store.VulnerabilityStore;
import io.clair.core.vuln.Enrichment;
import io.clair.core.vuln.Fingerprint;
import io.clair.core.vuln.UpdateKind;
import io.clair.core.vuln.UpdateOperation;
import io.clair.core.vuln.Vulnerability;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs updaters into a {@link VulnerabilityStore} (claircore's libvuln update manager): each updater under its own
 * lock so that replicas share the work, an unchanged source costing one conditional request, every success recorded
 * as a new immutable update operation, every failure leaving the previous data untouched and recorded in the
 * updater's status. Then old operations are garbage-collected. Enrichment updaters of a set run the same way and
 * are recorded as operations of kind {@code enrichment}.
 */
public final class UpdateManager {
    private static final Logger LOG = LoggerFactory.getLogger(UpdateManager.class);

    private final VulnerabilityStore store;
    private final List<UpdaterFactory> factories;
    private final UpdateOptions options;

    public UpdateManager(VulnerabilityStore store, List<UpdaterFactory> factories, UpdateOptions options) {
        this.store = store;
        this.factories = List.copyOf(factories);
        this.options = options;
    }

    /** The installed updater sets. */
    public List<String> sets() {
        return factories.stream().map(UpdaterFactory::name).toList();
    }

    /** Runs every enabled updater once; returns each one's outcome. Never throws for a failing source. */
    public List<UpdateOutcome> runOnce() {
        List<UpdateJob> updaters = new ArrayList<>();
        List<UpdateOutcome> outcomes = new ArrayList<>();
        for (UpdaterFactory f : factories) {
            if (!options.enabled(f.name())) {
                continue;
            }
            try {
                updaters.addAll(UpdateJob.of(f));
            } catch (IOException | RuntimeException e) {
                String msg = f.name() + ": cannot list updaters: " + e.getMessage();
                LOG.atWarn().addKeyValue("set", f.name()).addKeyValue("err", e.getMessage())
                        .log("updater set failed");
                recordFailure(f.name(), Instant.now(options.clock()), msg);
                outcomes.add(new UpdateOutcome(f.name(), UpdateOutcome.Result.FAILED, 0, msg, Duration.ZERO));
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(options.concurrency(), r -> {
            Thread t = new Thread(r, "clair-updater");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<UpdateOutcome>> running = new ArrayList<>();
            for (UpdateJob u : updaters) {
                running.add(pool.submit(() -> run(u)));
            }
            for (Future<UpdateOutcome> f : running) {
                try {
                    outcomes.add(f.get());
                } catch (ExecutionException e) {
                    throw new IllegalStateException("updater run failed unexpectedly", e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        } finally {
            pool.shutdownNow();
        }
        collectGarbage();
        return outcomes;
    }

    /**
     * The complete data of one updater, fetched from scratch (for offline bundles): vulnerabilities for kind
     * {@code vulnerability}, enrichments for kind {@code enrichment}; the other list is empty.
     */
    public record Fetched(String updater, Fingerprint fingerprint, UpdateKind kind, List<Vulnerability> vulnerabilities,
            List<Enrichment> enrichments) {
        public Fetched {
            vulnerabilities = List.copyOf(vulnerabilities);
            enrichments = List.copyOf(enrichments);
        }

        /** How many records were fetched. */
        public int size() {
            return kind == UpdateKind.ENRICHMENT ? enrichments.size() : vulnerabilities.size();
        }
    }

    /**
     * Fetches and parses every enabled updater from scratch without touching the store, handing each result to
     * {@code sink} (one at a time): what {@code clairctl export-updaters} writes into an offline bundle.
     */
    public List<UpdateOutcome> fetchAll(java.util.function.Consumer<Fetched> sink) {
        List<UpdateOutcome> outcomes = new ArrayList<>();
        for (UpdaterFactory f : factories) {
            if (!options.enabled(f.name())) {
                continue;
            }
            List<UpdateJob> updaters;
            try {
                updaters = UpdateJob.of(f);
            } catch (IOException | RuntimeException e) {
                outcomes.add(finish(new UpdateOutcome(f.name(), UpdateOutcome.Result.FAILED, 0,
                        f.name() + ": cannot list updaters: " + e.getMessage(), Duration.ZERO)));
                continue;
            }
            for (UpdateJob u : updaters) {
                long t0 = System.nanoTime();
                try {
                    FetchResult r = u.fetch(Fingerprint.NONE);
                    if (!(r instanceof FetchResult.Changed changed)) {
                        continue;
                    }
                    Fetched fetched = parse(u, changed, null);
                    synchronized (sink) {
                        sink.accept(fetched);
                    }
                    outcomes.add(finish(new UpdateOutcome(u.name(), UpdateOutcome.Result.UPDATED, fetched.size(), "",
                            elapsed(t0))));
                } catch (IOException | RuntimeException e) {
                    outcomes.add(finish(new UpdateOutcome(u.name(), UpdateOutcome.Result.FAILED, 0,
                            e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), elapsed(t0))));
                }
            }
        }
        return outcomes;
    }

    /** Parses a download, which is deleted afterwards whatever happens. */
    private static Fetched parse(UpdateJob u, FetchResult.Changed changed,
            java.util.function.Supplier<List<Vulnerability>> previous) throws IOException {
        try (InputStream in = Files.newInputStream(changed.content())) {
            return u.parse(in, changed.next(), previous);
        } finally {
            Files.deleteIfExists(changed.content());
        }
    }

    private UpdateOutcome run(UpdateJob u) {
        long t0 = System.nanoTime();
        Optional<LockSource.Held> lock = store.locks().tryLock("updater:" + u.name());
        if (lock.isEmpty()) {
            return finish(new UpdateOutcome(u.name(), UpdateOutcome.Result.SKIPPED, 0, "", elapsed(t0)));
        }
        Instant started = Instant.now(options.clock());
        try (LockSource.Held held = lock.get()) {
            Optional<UpdateOperation> latest = store.latest(u.name());
            Fingerprint prev = latest.map(UpdateOperation::fingerprint).orElse(Fingerprint.NONE);
            FetchResult fetched = u.fetch(prev);
            if (fetched instanceof FetchResult.Changed changed) {
                Fetched parsed = parse(u, changed,
                        latest.isPresent() ? () -> store.vulnerabilities(u.name()) : null);
                if (parsed.kind() == UpdateKind.ENRICHMENT) {
                    store.recordEnrichments(u.name(), changed.next(), parsed.enrichments(), null);
                } else {
                    store.recordUpdate(u.name(), changed.next(), parsed.vulnerabilities(), null);
                }
                recordSuccess(u.name(), started, changed.next(), parsed.size());
                return finish(new UpdateOutcome(u.name(), UpdateOutcome.Result.UPDATED, parsed.size(), "",
                        elapsed(t0)));
            }
            int count = latest.isEmpty() ? 0 : u.kind() == UpdateKind.ENRICHMENT ? store.enrichmentCount(u.name())
                    : store.vulnerabilityCount(u.name());
            recordSuccess(u.name(), started, prev, count);
            return finish(new UpdateOutcome(u.name(), UpdateOutcome.Result.UNCHANGED, 0, "", elapsed(t0)));
        } catch (IOException | RuntimeException e) {
            String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            recordFailure(u.name(), started, msg);
            return finish(new UpdateOutcome(u.name(), UpdateOutcome.Result.FAILED, 0, msg, elapsed(t0)));
        }
    }

    private UpdateOutcome finish(UpdateOutcome o) {
        var event = o.result() == UpdateOutcome.Result.FAILED ? LOG.atWarn() : LOG.atInfo();
        event.addKeyValue("updater", o.updater()).addKeyValue("result", o.result())
                .addKeyValue("vulnerabilities", o.vulnerabilities()).addKeyValue("ms", o.took().toMillis())
                .addKeyValue("err", o.error()).log("updater done");
        options.listener().finished(o);
        return o;
    }

    private void recordSuccess(String updater, Instant at, Fingerprint fp, int count) {
        store.saveStatus(new UpdaterStatus(updater, at, at, true, fp.value(), "", count));
    }

    private void recordFailure(String updater, Instant at, String error) {
        UpdaterStatus prev = store.statuses().stream().filter(s -> s.updater().equals(updater)).findFirst()
                .orElse(null);
        store.saveStatus(new UpdaterStatus(updater, at, prev == null ? null : prev.lastSuccess(), false,
                prev == null ? "" : prev.fingerprint(), error, prev == null ? 0 : prev.vulnerabilities()));
    }

    private void collectGarbage() {
        if (options.retention() == 0) {
            return;
        }
        store.locks().tryLock("garbage-collection").ifPresent(held -> {
            try (held) {
                int n = store.collectGarbage(options.retention());
                if (n > 0) {
                    LOG.atInfo().addKeyValue("operations", n).log("garbage collection done");
                }
            } catch (RuntimeException e) {
                LOG.atWarn().addKeyValue("err", e.getMessage()).log("garbage collection failed");
            }
        });
    }

    private static Duration elapsed(long t0) {
        return Duration.ofNanos(System.nanoTime() - t0);
    }
}
