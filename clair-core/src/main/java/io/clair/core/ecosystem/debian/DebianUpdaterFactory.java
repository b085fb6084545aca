package io.clair.core.ecosystem.debian;

import io.clair.core.plugin.PluginContext;
import io.clair.core.update.HttpSource;
import io.clair.core.update.Updater;
import io.clair.core.update.UpdaterFactory;
import java.net.URI;
import java.util.List;

/**
 * The {@code debian} updater set: one {@link DebianTrackerUpdater} reading the security tracker JSON
 * (see {@link DebianUpdaterConfig}). Which releases get records is decided while parsing, from the code names Debian
 * has numbered ({@link DebianDistributions}), so this factory makes no request of its own.
 */
public final class DebianUpdaterFactory implements UpdaterFactory {
    public static final String NAME = "debian";

    private final DebianUpdaterConfig config;
    private final HttpSource source;

    public DebianUpdaterFactory(PluginContext ctx) {
        this.config = ctx.config(NAME, DebianUpdaterConfig.class);
        this.source = new HttpSource(ctx, NAME);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Updater> create() {
        return List.of(new DebianTrackerUpdater(URI.create(config.jsonUrl()), source));
    }
}
