package io.clair.updater.wiring;

import io.clair.core.plugin.PluginContext;
import io.clair.core.plugin.Plugins;
import io.clair.core.store.VulnerabilityStore;
import io.clair.core.update.UpdateListener;
import io.clair.core.update.UpdateManager;
import io.clair.core.update.UpdateOptions;
import io.clair.updater.config.UpdaterConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Set;

/** Turns configuration into the core update manager. */
public class UpdaterWiring {

    @Produces
    @Singleton
    UpdateManager updateManager(VulnerabilityStore store, Plugins plugins, PluginContext ctx, UpdaterConfig config,
            MeterRegistry registry) {
        UpdateListener metrics = o -> {
            registry.counter("clair_updater_runs_total", "updater", o.updater(), "result", o.result().name()
                    .toLowerCase(java.util.Locale.ROOT)).increment();
            Timer.builder("clair_updater_run_seconds").tag("updater", o.updater()).register(registry)
                    .record(o.took());
        };
        Set<String> sets = config.sets().map(Set::copyOf).orElse(null);
        return new UpdateManager(store, plugins.updaterFactories(ctx), new UpdateOptions(sets, config.retention(),
                config.concurrency(), Clock.systemUTC(), metrics));
    }
}
