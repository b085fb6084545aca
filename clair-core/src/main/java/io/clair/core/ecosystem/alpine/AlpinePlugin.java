package io.clair.core.ecosystem.alpine;

import io.clair.core.match.Matcher;
import io.clair.core.plugin.ClairPlugin;
import io.clair.core.plugin.PluginContext;
import io.clair.core.update.UpdaterFactory;
import java.util.List;

/** Alpine Linux: the secdb updaters and matcher. */
public final class AlpinePlugin implements ClairPlugin {
    @Override
    public String name() {
        return "alpine";
    }

    @Override
    public List<UpdaterFactory> updaterFactories(PluginContext ctx) {
        return List.of(new AlpineUpdaterFactory(ctx));
    }

    @Override
    public List<Matcher> matchers(PluginContext ctx) {
        return List.of(new AlpineMatcher());
    }
}
