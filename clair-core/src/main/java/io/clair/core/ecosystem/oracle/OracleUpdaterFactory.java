package io.clair.core.ecosystem.oracle;

import io.clair.core.plugin.PluginContext;
import io.clair.core.update.HttpSource;
import io.clair.core.update.Updater;
import io.clair.core.update.UpdaterFactory;
import java.net.URI;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code oracle} updater set: one {@link OracleUpdater} per year from {@code first_year} to {@code last_year}
 * (see {@link OracleUpdaterConfig}), as claircore splits Oracle's data, so that an old year that no longer changes
 * costs one conditional request per run.
 */
public final class OracleUpdaterFactory implements UpdaterFactory {
    public static final String NAME = "oracle";

    private final OracleUpdaterConfig config;
    private final HttpSource source;
    private final Clock clock;

    public OracleUpdaterFactory(PluginContext ctx) {
        this.config = ctx.config(NAME, OracleUpdaterConfig.class);
        this.source = new HttpSource(ctx, NAME);
        this.clock = ctx.clock();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Updater> create() {
        int last = config.lastYear() != 0 ? config.lastYear() : clock.instant().atZone(ZoneOffset.UTC).getYear();
        URI base = URI.create(config.url());
        List<Updater> out = new ArrayList<>();
        for (int year = config.firstYear(); year <= last; year++) {
            out.add(new OracleUpdater(year, base, source));
        }
        return out;
    }
}
