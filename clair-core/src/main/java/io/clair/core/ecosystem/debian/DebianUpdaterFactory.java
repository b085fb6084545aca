package io.clair.core.ecosystem.debian;

import io.clair.core.plugin.PluginContext;
import io.clair.core.update.FeedUpdaterFactory;
import io.clair.core.update.Updater;
import java.net.URI;
import java.util.List;

/**
 * The {@code debian} updater set: one {@link DebianTrackerUpdater} reading the security tracker JSON
 * (see {@link DebianUpdaterConfig}). Which releases get records is decided while parsing, from the code names Debian
 * has numbered ({@link DebianDistributions}), so this factory makes no request of its own.
 */
public final class DebianUpdaterFactory extends FeedUpdaterFactory<DebianUpdaterConfig> {
    public static final String NAME = "debian";

    public DebianUpdaterFactory(PluginContext ctx) {
        super(ctx, NAME, DebianUpdaterConfig.class);
    }

    @Override
    public List<Updater> create() {
        return List.of(new DebianTrackerUpdater(URI.create(config.jsonUrl()), source));
    }
}
