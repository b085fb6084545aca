package io.clair.core.ecosystem.aws;

import io.clair.core.plugin.ClairPlugin;
import io.clair.core.plugin.PluginContext;
import io.clair.core.update.UpdaterFactory;
import java.util.List;

/** Amazon Linux 1, 2 and 2023: the ALAS updaters (the distribution scanner is wired by the rpm plugin). */
public final class AwsPlugin implements ClairPlugin {
    @Override
    public String name() {
        return "aws";
    }

    @Override
    public List<UpdaterFactory> updaterFactories(PluginContext ctx) {
        return List.of(new AwsUpdaterFactory(ctx));
    }
}
