package io.clair.core.enrich.cvss;

import io.clair.core.match.Enricher;
import io.clair.core.plugin.ClairPlugin;
import io.clair.core.plugin.PluginContext;
import io.clair.core.update.UpdaterFactory;
import java.util.List;

/** CVSS enrichment from NVD: the {@code clair.cvss} updater set and the enricher that reads its records. */
public final class CvssPlugin implements ClairPlugin {
    @Override
    public String name() {
        return "cvss";
    }

    @Override
    public List<UpdaterFactory> updaterFactories(PluginContext ctx) {
        return List.of(new CvssUpdaterFactory(ctx));
    }

    @Override
    public List<Enricher> enrichers(PluginContext ctx) {
        return List.of(new CvssEnricher());
    }
}
