package io.clair.updater.wiring;

import io.clair.core.notify.Deliverer;
import io.clair.core.notify.Notifier;
import io.clair.core.notify.NotifierListener;
import io.clair.core.notify.NotifierOptions;
import io.clair.core.notify.NotifierStore;
import io.clair.core.notify.ProcessResult;
import io.clair.core.notify.UpdateSource;
import io.clair.core.store.VulnerabilityStore;
import io.clair.core.store.jdbc.JdbcNotifierStore;
import io.clair.core.store.jdbc.PgLockSource;
import io.clair.service.config.AuthConfig;
import io.clair.service.roles.AffectedManifestSource;
import io.clair.service.roles.ServiceClients;
import io.clair.updater.config.NotifierConfig;
import io.clair.updater.notify.MatcherUpdateSource;
import io.clair.updater.notify.RemoteAffectedManifests;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;

/** Turns {@code clair.notifier.*} into the core notifier, its sources and its deliverer. */
public class NotifierWiring {

    /** The deliverer the configuration names, if any (a holder, because CDI has no optional beans). */
    public record DeliveryTarget(Optional<Deliverer> deliverer) {
    }

    @Produces
    @Singleton
    NotifierStore notifierStore(DataSource ds) {
        return new JdbcNotifierStore(ds);
    }

    /** When no indexer runs in this process, the notifier asks the configured one over HTTP. */
    @Produces
    @Singleton
    @DefaultBean
    AffectedManifestSource remoteAffectedManifests(NotifierConfig config, AuthConfig auth) {
        return new RemoteAffectedManifests(config.indexerUrl().filter(u -> !u.isBlank())
                .map(u -> ServiceClients.client(u, auth)).orElse(null));
    }

    @Produces
    @Singleton
    Notifier notifier(NotifierStore store, VulnerabilityStore vulns, AffectedManifestSource affected,
            NotifierConfig config, AuthConfig auth, DataSource ds, MeterRegistry registry) {
        // the updater writes the vulnerability store, so the notifier reads it directly unless told to follow a
        // matcher with a store of its own
        UpdateSource updates = config.matcherUrl().filter(u -> !u.isBlank())
                .<UpdateSource>map(u -> new MatcherUpdateSource(ServiceClients.client(u, auth)))
                .orElse(UpdateSource.of(vulns));
        NotifierOptions options = NotifierOptions.defaults().withDisableSummary(config.disableSummary())
                .withListener(metrics(registry));
        return new Notifier(store, updates, affected, new PgLockSource(ds), options);
    }

    @Produces
    @Singleton
    DeliveryTarget deliveryTarget(NotifierConfig config, HttpClient http, AuthConfig auth) {
        return new DeliveryTarget(Deliverers.from(config, http, auth));
    }

    private static NotifierListener metrics(MeterRegistry registry) {
        return new NotifierListener() {
            @Override
            public void processed(ProcessResult r, Duration took) {
                registry.counter("clair_notifier_update_operations_total", "outcome",
                        r.outcome().name().toLowerCase(Locale.ROOT)).increment();
                registry.counter("clair_notifier_entries_created_total").increment(r.entries());
                Timer.builder("clair_notifier_process_seconds").register(registry).record(took);
            }

            @Override
            public void delivered(String deliverer, boolean ok) {
                registry.counter("clair_notifier_deliveries_total", "deliverer", deliverer, "result",
                        ok ? "delivered" : "failed").increment();
            }

            @Override
            public void collected(int notifications) {
                registry.counter("clair_notifier_gc_deleted_total").increment(notifications);
            }
        };
    }
}
