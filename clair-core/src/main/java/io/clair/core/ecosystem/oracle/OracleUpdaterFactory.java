package io.clair.core.ecosystem.oracle;

import io.clair.core.plugin.PluginContext;
import io.clair.core.update.FeedUpdaterFactory;
import io.clair.core.update.Updater;
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
public final class OracleUpdaterFactory extends FeedUpdaterFactory<OracleUpdaterConfig> {
    public static final String NAME = "oracle";

    private final Clock clock;

    public OracleUpdaterFactory(PluginContext ctx) {
        super(ctx, NAME, OracleUpdaterConfig.class);
        this.clock = ctx.clock();
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
