package io.clair.core.ecosystem.rhel;

import io.clair.core.match.Matcher;
import io.clair.core.plugin.ClairPlugin;
import io.clair.core.plugin.PluginContext;
import io.clair.core.update.UpdaterFactory;
import java.util.List;

/**
 * Red Hat Enterprise Linux: the CSAF VEX updater and its matchers. The RHEL distribution and repository scanners are wired by the rpm
 * plugin, which reads the packages they qualify.
 */
public final class RhelPlugin implements ClairPlugin {
    @Override
    public String name() {
        return "rhel";
    }

    @Override
    public List<UpdaterFactory> updaterFactories(PluginContext ctx) {
        return List.of(new VexUpdaterFactory(ctx));
    }

    @Override
    public List<Matcher> matchers(PluginContext ctx) {
        return List.of(new RhelMatcher(), new RhelReleaseMatcher());
    }
}
