package io.clair.core.ecosystem.suse;

import io.clair.core.plugin.ClairPlugin;
import io.clair.core.plugin.PluginContext;
import io.clair.core.update.UpdaterFactory;
import java.util.List;

/** SUSE Linux Enterprise Server and openSUSE Leap: the OVAL updaters (the scanner is wired by the rpm plugin). */
public final class SusePlugin implements ClairPlugin {
    @Override
    public String name() {
        return "suse";
    }

    @Override
    public List<UpdaterFactory> updaterFactories(PluginContext ctx) {
        return List.of(new SuseUpdaterFactory(ctx));
    }
}
