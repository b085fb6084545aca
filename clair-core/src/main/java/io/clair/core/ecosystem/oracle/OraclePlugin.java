package io.clair.core.ecosystem.oracle;

import io.clair.core.plugin.ClairPlugin;
import io.clair.core.plugin.PluginContext;
import io.clair.core.update.UpdaterFactory;
import java.util.List;

/** Oracle Linux: the ELSA OVAL updaters (the distribution scanner is wired by the rpm plugin). */
public final class OraclePlugin implements ClairPlugin {
    @Override
    public String name() {
        return "oracle";
    }

    @Override
    public List<UpdaterFactory> updaterFactories(PluginContext ctx) {
        return List.of(new OracleUpdaterFactory(ctx));
    }
}
