package io.clair.core.ecosystem.aws;

import io.clair.core.plugin.PluginContext;
import io.clair.core.update.FeedUpdaterFactory;
import io.clair.core.update.Updater;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** The {@code aws} updater set: one {@link AlasUpdater} per configured Amazon Linux release. */
public final class AwsUpdaterFactory extends FeedUpdaterFactory<AwsUpdaterConfig> {
    public static final String NAME = "aws";

    public AwsUpdaterFactory(PluginContext ctx) {
        super(ctx, NAME, AwsUpdaterConfig.class);
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
