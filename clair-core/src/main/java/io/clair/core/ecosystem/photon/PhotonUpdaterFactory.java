package io.clair.core.ecosystem.photon;

import io.clair.core.plugin.PluginContext;
import io.clair.core.update.FeedUpdaterFactory;
import io.clair.core.update.Updater;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** The {@code photon} updater set: one {@link PhotonUpdater} per configured release (see {@link PhotonUpdaterConfig}). */
public final class PhotonUpdaterFactory extends FeedUpdaterFactory<PhotonUpdaterConfig> {
    public static final String NAME = "photon";

    public PhotonUpdaterFactory(PluginContext ctx) {
        super(ctx, NAME, PhotonUpdaterConfig.class);
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
