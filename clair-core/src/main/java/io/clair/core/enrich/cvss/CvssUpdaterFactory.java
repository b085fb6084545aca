package io.clair.core.enrich.cvss;

import io.clair.core.plugin.PluginContext;
import io.clair.core.update.EnrichmentUpdater;
import io.clair.core.update.HttpSource;
import io.clair.core.update.Updater;
import io.clair.core.update.UpdaterFactory;
import java.net.URI;
import java.time.Year;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * The {@code clair.cvss} updater set: no vulnerability updaters, one {@link CvssUpdater}. The years default to
 * {@value CvssUpdater#FIRST_YEAR} through the current year, computed at each run from the context's clock, so a
 * long-running service picks up a new year's feed without a restart.
 */
public final class CvssUpdaterFactory implements UpdaterFactory {
    public static final String NAME = CvssUpdater.NAME;

    private final PluginContext ctx;
    private final CvssUpdaterConfig config;
    private final HttpSource source;

    public CvssUpdaterFactory(PluginContext ctx) {
        this.ctx = ctx;
        this.config = ctx.config(NAME, CvssUpdaterConfig.class);
        this.source = new HttpSource(ctx, "cvss");
    }

    @Override
    public String name() {
        return NAME;
    }

    /** None: this set only enriches. */
    @Override
    public List<Updater> create() {
        return List.of();
    }

    @Override
    public List<EnrichmentUpdater> enrichmentUpdaters() {
        List<Integer> years = config.years().isEmpty()
                ? IntStream.rangeClosed(CvssUpdater.FIRST_YEAR, Year.now(ctx.clock()).getValue()).boxed().toList()
                : List.copyOf(new TreeSet<>(config.years()));
        return List.of(new CvssUpdater(URI.create(config.feedRoot()), years, source, ctx.tempDir()));
    }
}
