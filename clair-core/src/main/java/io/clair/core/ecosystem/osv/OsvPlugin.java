package io.clair.core.ecosystem.osv;

import io.clair.core.plugin.ClairPlugin;
import io.clair.core.plugin.PluginContext;
import io.clair.core.update.UpdaterFactory;
import java.util.List;

/** OSV: updaters for language ecosystems (PyPI, Go, npm, Maven, crates.io, RubyGems). */
public final class OsvPlugin implements ClairPlugin {
    @Override
    public String name() {
        return "osv";
    }

    @Override
    public List<UpdaterFactory> updaterFactories(PluginContext ctx) {
        return List.of(new OsvUpdaterFactory(ctx));
    }
}
