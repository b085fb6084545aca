package io.clair.core.ecosystem.photon;

import io.clair.core.plugin.ClairPlugin;
import io.clair.core.plugin.PluginContext;
import io.clair.core.update.UpdaterFactory;
import java.util.List;

/** VMware Photon OS: the CVE feed updaters (the distribution scanner is wired by the rpm plugin). */
public final class PhotonPlugin implements ClairPlugin {
    @Override
    public String name() {
        return "photon";
    }

    @Override
    public List<UpdaterFactory> updaterFactories(PluginContext ctx) {
        return List.of(new PhotonUpdaterFactory(ctx));
    }
}
