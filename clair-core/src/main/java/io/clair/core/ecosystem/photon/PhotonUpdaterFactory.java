package io.clair.core.ecosystem.photon;

import io.clair.core.plugin.PluginContext;
import io.clair.core.update.HttpSource;
import io.clair.core.update.Updater;
import io.clair.core.update.UpdaterFactory;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** The {@code photon} updater set: one {@link PhotonUpdater} per configured release (see {@link PhotonUpdaterConfig}). */
public final class PhotonUpdaterFactory implements UpdaterFactory {
    public static final String NAME = "photon";

    private final PhotonUpdaterConfig config;
    private final HttpSource source;

    public PhotonUpdaterFactory(PluginContext ctx) {
        this.config = ctx.config(NAME, PhotonUpdaterConfig.class);
        this.source = new HttpSource(ctx, NAME);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Updater> create() {
        URI base = URI.create(config.url());
        List<Updater> out = new ArrayList<>();
        for (String r : config.releases()) {
            out.add(new PhotonUpdater(r, base, source));
        }
        return out;
    }
}
