package io.clair.updater.schedule;

import io.clair.core.update.UpdateManager;
import io.clair.core.update.UpdateOutcome;
import io.clair.updater.config.UpdaterConfig;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.event.Event;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the updaters every {@code clair.updater.period}, and on demand. One run at a time per process; several
 * replicas share the work through per-updater locks in the store. Each finished run fires {@link UpdateRunFinished}.
 */
@Singleton
public class UpdateRunner {
    private static final Logger LOG = LoggerFactory.getLogger(UpdateRunner.class);
    private final UpdateManager manager;
    private final UpdaterConfig config;
    private final Event<UpdateRunFinished> finished;
    private final AtomicBoolean running = new AtomicBoolean();

    UpdateRunner(UpdateManager manager, UpdaterConfig config, Event<UpdateRunFinished> finished) {
        this.manager = manager;
        this.config = config;
        this.finished = finished;
    }

    @Scheduled(every = "${clair.updater.period:6h}", delayed = "${clair.updater.initial-delay:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (config.enabled()) {
            runNow();
        }
    }

    /** Runs now in this thread unless a run is already going; returns the outcomes, empty when skipped. */
    public List<UpdateOutcome> runNow() {
        if (!running.compareAndSet(false, true)) {
            return List.of();
        }
        try {
            long t0 = System.nanoTime();
            List<UpdateOutcome> out = manager.runOnce();
            LOG.atInfo().addKeyValue("updaters", out.size())
                    .addKeyValue("failed", out.stream().filter(o -> o.result() == UpdateOutcome.Result.FAILED).count())
                    .addKeyValue("ms", (System.nanoTime() - t0) / 1_000_000).log("update run done");
            // asynchronous: observers such as the notifier must not hold up the runner
            finished.fireAsync(new UpdateRunFinished(out));
            return out;
        } finally {
            running.set(false);
        }
    }

    /** Starts a run in the background; false when one is already going. */
    public boolean startNow() {
        if (running.get()) {
            return false;
        }
        CompletableFuture.runAsync(this::runNow);
        return true;
    }

    public boolean running() {
        return running.get();
    }
}
