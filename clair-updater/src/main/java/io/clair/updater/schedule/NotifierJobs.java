package io.clair.updater.schedule;

import io.clair.core.notify.DeliveryReport;
import io.clair.core.notify.Notifier;
import io.clair.core.notify.ProcessResult;
import io.clair.service.roles.AffectedManifestSource;
import io.clair.updater.config.NotifierConfig;
import io.clair.updater.wiring.NotifierWiring.DeliveryTarget;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the notifier: a poll every {@code poll-interval} and after every updater run, a delivery pass every
 * {@code delivery-interval} and after a poll that made notifications, garbage collection hourly. Intervals under
 * a minute fall back to the defaults, as Clair's do. Without an indexer to ask, the notifier stays idle.
 */
@Singleton
public class NotifierJobs {
    private static final Logger LOG = LoggerFactory.getLogger(NotifierJobs.class);
    private static final Duration MINIMUM = Duration.ofMinutes(1);

    private final Notifier notifier;
    private final AffectedManifestSource affected;
    private final NotifierConfig config;
    private final DeliveryTarget target;
    private final Scheduler scheduler;
    private final MeterRegistry registry;
    private final AtomicBoolean polling = new AtomicBoolean();
    private final AtomicBoolean pollWanted = new AtomicBoolean();
    private final Object delivering = new Object();

    NotifierJobs(Notifier notifier, AffectedManifestSource affected, NotifierConfig config, DeliveryTarget target,
            Scheduler scheduler, MeterRegistry registry) {
        this.notifier = notifier;
        this.affected = affected;
        this.config = config;
        this.target = target;
        this.scheduler = scheduler;
        this.registry = registry;
    }

    void onStart(@Observes StartupEvent event) {
        if (!affected.available()) {
            LOG.atInfo().log("notifier: idle: no indexer in this process and clair.notifier.indexer-url is unset");
            return;
        }
        Duration poll = atLeastAMinute("poll-interval", config.pollInterval(), Duration.ofHours(6));
        Duration delivery = atLeastAMinute("delivery-interval", config.deliveryInterval(), Duration.ofHours(1));
        schedule("clair-notifier-poll", poll, this::pollNow);
        schedule("clair-notifier-delivery", delivery, this::deliverNow);
        schedule("clair-notifier-gc", Duration.ofHours(1), notifier::collectGarbage);
        LOG.atInfo().addKeyValue("pollInterval", poll).addKeyValue("deliveryInterval", delivery)
                .addKeyValue("deliverer", target.deliverer().map(d -> d.name()).orElse("none"))
                .addKeyValue("summary", !config.disableSummary()).log("notifier started");
    }

    private void schedule(String id, Duration every, Runnable task) {
        scheduler.newJob(id).setInterval(every.toSeconds() + "s").setDelayed("1m")
                .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP).setTask(e -> task.run()).schedule();
    }

    private static Duration atLeastAMinute(String key, Duration value, Duration fallback) {
        if (value.compareTo(MINIMUM) >= 0) {
            return value;
        }
        LOG.atWarn().addKeyValue("key", "clair.notifier." + key).addKeyValue("value", value)
                .addKeyValue("using", fallback).log("notifier: interval under one minute; using the default");
        return fallback;
    }

    /** A new update run means new operations: look at them now rather than at the next poll. */
    void onUpdateRun(@ObservesAsync UpdateRunFinished event) {
        pollNow();
    }

    /**
     * Polls now in this thread. If a poll is already running, this one is folded into it: the running poll goes
     * round once more, so that operations recorded during it are not left for the next interval.
     *
     * @return what this thread's polls processed; empty when another thread did the work
     */
    public List<ProcessResult> pollNow() {
        if (!affected.available()) {
            return List.of();
        }
        List<ProcessResult> out = new ArrayList<>();
        pollWanted.set(true);
        while (pollWanted.get() && polling.compareAndSet(false, true)) {
            try {
                pollWanted.set(false);
                out.addAll(pollOnce());
            } finally {
                polling.set(false);
            }
        }
        if (out.stream().anyMatch(r -> r.outcome() == ProcessResult.Outcome.CREATED)) {
            deliverNow();
        }
        return out;
    }

    private List<ProcessResult> pollOnce() {
        try {
            List<ProcessResult> r = notifier.poll();
            registry.counter("clair_notifier_polls_total", "result", "ok").increment();
            return r;
        } catch (IOException | RuntimeException e) {
            registry.counter("clair_notifier_polls_total", "result", "failed").increment();
            LOG.atError().addKeyValue("err", e.getMessage()).setCause(e)
                    .log("notifier: cannot list update operations; trying again at the next poll");
            return List.of();
        }
    }

    /** One delivery pass now, unless no deliverer is configured; passes never overlap within this process. */
    public DeliveryReport deliverNow() {
        if (target.deliverer().isEmpty()) {
            return new DeliveryReport(0, 0, 0);
        }
        synchronized (delivering) {
            return notifier.deliver(target.deliverer().get());
        }
    }
}
