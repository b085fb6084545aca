package io.clair.core.ecosystem.aws;

import io.clair.core.plugin.PluginContext;
import io.clair.core.update.HttpSource;
import io.clair.core.update.Updater;
import io.clair.core.update.UpdaterFactory;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** The {@code aws} updater set: one {@link AlasUpdater} per configured Amazon Linux release. */
public final class AwsUpdaterFactory implements UpdaterFactory {
    public static final String NAME = "aws";

    private final AwsUpdaterConfig config;
    private final HttpSource source;

    public AwsUpdaterFactory(PluginContext ctx) {
        this.config = ctx.config(NAME, AwsUpdaterConfig.class);
        this.source = new HttpSource(ctx, NAME);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Updater> create() {
        List<Updater> out = new ArrayList<>();
        for (AmazonRelease r : config.amazonReleases()) {
            out.add(new AlasUpdater(r, URI.create(config.mirrorList(r)), source));
        }
        return out;
    }
}
