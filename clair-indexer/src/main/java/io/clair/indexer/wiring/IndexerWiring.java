package io.clair.indexer.wiring;

import io.clair.api.client.ClairApiException;
import io.clair.api.mapping.V4Mapper;
import io.clair.core.index.Indexer;
import io.clair.core.index.LegacyLayers;
import io.clair.service.config.AuthConfig;
import io.clair.service.roles.AffectedManifestSource;
import io.clair.service.roles.IndexReportSource;
import io.clair.service.roles.ServiceClients;
import io.clair.service.roles.VulnerabilityReportSource;
import io.quarkus.arc.DefaultBean;
import io.clair.core.index.IndexerListener;
import io.clair.core.index.IndexerOptions;
import io.clair.core.index.IndexState;
import io.clair.core.layer.LayerFetcher;
import io.clair.core.layer.LayerOptions;
import io.clair.core.layer.LayerSource;
import io.clair.core.manifest.Digest;
import io.clair.core.match.AffectedManifests;
import io.clair.core.plugin.PluginContext;
import io.clair.core.plugin.Plugins;
import io.clair.core.store.IndexerStore;
import io.clair.core.store.jdbc.JdbcIndexerStore;
import io.clair.indexer.config.IndexerConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import javax.sql.DataSource;

/** Turns configuration into the core indexer: the only place where Quarkus meets clair-core for this role. */
public class IndexerWiring {

    @Produces
    @Singleton
    IndexerStore indexerStore(DataSource ds) {
        return new JdbcIndexerStore(ds);
    }

    @Produces
    @Singleton
    LayerFetcher layerFetcher(HttpClient http, IndexerConfig config) {
        Path temp = config.tempDir().map(Path::of)
                .orElse(Path.of(System.getProperty("java.io.tmpdir"), "clair-layers"));
        LayerOptions defaults = LayerOptions.defaults(temp);
        LayerOptions options = new LayerOptions(temp, config.maxLayerBytes(), defaults.maxEntries(),
                defaults.maxFileSize(), config.maxTempBytes(), defaults.requestTimeout(), config.allowFileUris());
        return new LayerFetcher(http, options);
    }

    @Produces
    @Singleton
    LayerSource layerSource(LayerFetcher fetcher) {
        return fetcher::fetch;
    }

    @Produces
    @Singleton
    Indexer indexer(IndexerStore store, LayerSource layers, Plugins plugins, PluginContext ctx, IndexerConfig config,
            MeterRegistry registry) {
        IndexerListener metrics = new IndexerListener() {
            @Override
            public void layerFetched(Digest layer, Duration took) {
                registry.counter("clair_indexer_layers_fetched_total").increment();
                Timer.builder("clair_indexer_layer_scan_seconds").register(registry).record(took);
            }

            @Override
            public void layerReused(Digest layer) {
                registry.counter("clair_indexer_layers_reused_total").increment();
            }

            @Override
            public void manifestIndexed(Digest manifest, IndexState state, Duration took) {
                Timer.builder("clair_indexer_index_seconds").tag("state", state.name()).register(registry)
                        .record(took);
            }
        };
        return new Indexer(store, layers, plugins.ecosystems(ctx),
                new IndexerOptions(config.layerScanConcurrency(), metrics));
    }

    /** Legacy layers are fetched without digest checks: their names are caller-chosen identifiers. */
    @Produces
    @Singleton
    LegacyLayers legacyLayers(IndexerStore store, LayerFetcher fetcher, Plugins plugins, PluginContext ctx,
            IndexerConfig config) {
        Indexer unverified = new Indexer(store, fetcher::fetchUnverified, plugins.ecosystems(ctx),
                new IndexerOptions(config.layerScanConcurrency(), null));
        return new LegacyLayers(store, unverified);
    }

    /** In this process index reports come from the store; this replaces the matcher's HTTP default. */
    @Produces
    @Singleton
    IndexReportSource localIndexReports(Indexer indexer) {
        return indexer::report;
    }

    /** When no matcher runs in this process, the legacy API asks the configured matcher over HTTP. */
    @Produces
    @Singleton
    @DefaultBean
    VulnerabilityReportSource remoteVulnerabilityReports(IndexerConfig config, AuthConfig auth) {
        return manifest -> {
            String url = config.matcherUrl().orElseThrow(() -> new VulnerabilityReportSource.NotReadyException(
                    "vulnerabilities need a matcher: set clair.indexer.matcher-url"));
            try {
                return ServiceClients.client(url, auth).vulnerabilityReport(manifest.toString())
                        .map(V4Mapper::vulnerabilityReport);
            } catch (ClairApiException e) {
                if (e.status() == 202 || e.status() == 503) {
                    throw new VulnerabilityReportSource.NotReadyException("matcher: " + e.getMessage());
                }
                throw e;
            }
        };
    }

    @Produces
    @Singleton
    AffectedManifests affectedManifests(IndexerStore store, Plugins plugins, PluginContext ctx) {
        return new AffectedManifests(store, plugins.matchers(ctx));
    }

    /** In this process the notifier asks the indexer's store directly; this replaces the updater's HTTP default. */
    @Produces
    @Singleton
    AffectedManifestSource localAffectedManifests(AffectedManifests affected) {
        return affected::affected;
    }

    void close(@Disposes Indexer indexer) {
        indexer.close();
    }
}
