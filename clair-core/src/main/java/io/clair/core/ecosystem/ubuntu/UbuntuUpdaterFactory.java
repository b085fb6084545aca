package io.clair.core.ecosystem.ubuntu;

import io.clair.core.plugin.PluginContext;
import io.clair.core.update.FeedUpdaterFactory;
import io.clair.core.update.Updater;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code ubuntu} updater set: one {@link UbuntuOvalUpdater} per configured series (see
 * {@link UbuntuUpdaterConfig}). The set is fixed by configuration, so this factory makes no request of its own.
 */
public final class UbuntuUpdaterFactory extends FeedUpdaterFactory<UbuntuUpdaterConfig> {
    public static final String NAME = "ubuntu";

    public UbuntuUpdaterFactory(PluginContext ctx) {
        super(ctx, NAME, UbuntuUpdaterConfig.class);
    }

    @Override
    public List<Updater> create() {
        URI base = URI.create(config.url());
        List<Updater> out = new ArrayList<>();
        for (String series : config.series()) {
            String version = config.seriesVersions().getOrDefault(series, UbuntuSeries.versionOf(series).orElse(null));
            if (version == null) {
                throw new IllegalArgumentException("ubuntu: unknown series \"" + series
                        + "\"; give its version under series_versions");
            }
            String file = "com.ubuntu." + series + ".cve.oval.xml" + (config.useBzip2() ? ".bz2" : "");
            out.add(new UbuntuOvalUpdater(series, version, base.resolve(file), source));
        }
        return out;
    }
}
