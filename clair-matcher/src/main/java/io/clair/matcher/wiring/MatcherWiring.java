package io.clair.matcher.wiring;

import io.clair.api.mapping.V4Mapper;
import io.clair.core.index.IndexState;
import io.clair.core.match.MatchListener;
import io.clair.core.match.Matcher;
import io.clair.core.match.VulnerabilityMatcher;
import io.clair.core.plugin.PluginContext;
import io.clair.core.plugin.Plugins;
import io.clair.core.index.IndexRecord;
import io.clair.core.store.VulnerabilityStore;
import io.clair.core.vuln.Vulnerability;
import io.clair.matcher.config.MatcherConfig;
import io.clair.service.config.AuthConfig;
import io.clair.service.roles.IndexReportSource;
import io.clair.service.roles.ServiceClients;
import io.clair.service.roles.VulnerabilityReportSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;

/** Turns configuration into the core matcher: the only place where Quarkus meets clair-core for this role. */
public class MatcherWiring {

    @Produces
    @Singleton
    VulnerabilityMatcher matcher(VulnerabilityStore store, Plugins plugins, PluginContext ctx, MeterRegistry registry) {
        MatchListener metrics = new MatchListener() {
            @Override
            public void undecidable(Matcher m, IndexRecord r, Vulnerability v, RuntimeException cause) {
                registry.counter("clair_matcher_undecidable_total", "matcher", m.name()).increment();
            }

            @Override
            public void matched(int packages, int vulnerabilities, Duration took) {
                registry.counter("clair_matcher_reports_total").increment();
                registry.counter("clair_matcher_vulnerabilities_matched_total").increment(vulnerabilities);
                Timer.builder("clair_matcher_report_seconds").register(registry).record(took);
            }
        };
        return new VulnerabilityMatcher(store, plugins.matchers(ctx), plugins.enrichers(ctx), metrics);
    }

    /** When no indexer runs in this process, index reports are asked of the configured indexer over HTTP. */
    @Produces
    @Singleton
    @DefaultBean
    IndexReportSource remoteIndexReports(MatcherConfig config, AuthConfig auth) {
        return manifest -> {
            String url = config.indexerUrl().orElseThrow(() -> new java.io.IOException(
                    "matcher: no indexer configured; set clair.matcher.indexer-url"));
            return ServiceClients.client(url, auth).indexReport(manifest.toString()).map(V4Mapper::indexReport);
        };
    }

    /** In this process the legacy layer API gets vulnerability reports from the local matcher. */
    @Produces
    @Singleton
    VulnerabilityReportSource localVulnerabilityReports(IndexReportSource reports, VulnerabilityMatcher matcher,
            VulnerabilityStore store) {
        return manifest -> {
            if (!store.initialized()) {
                throw new VulnerabilityReportSource.NotReadyException(
                        "no vulnerability data yet: the updaters have not finished a first run");
            }
            return reports.get(manifest).filter(r -> r.state() == IndexState.IndexFinished).map(matcher::match)
                    .or(Optional::empty);
        };
    }
}
