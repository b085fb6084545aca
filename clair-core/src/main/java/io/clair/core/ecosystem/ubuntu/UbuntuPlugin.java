package io.clair.core.ecosystem.ubuntu;

import io.clair.core.match.DistributionMatcher;
import io.clair.core.match.MatchConstraint;
import io.clair.core.match.Matcher;
import io.clair.core.plugin.ClairPlugin;
import io.clair.core.plugin.PluginContext;
import io.clair.core.update.UpdaterFactory;
import io.clair.core.version.VersionScheme;
import java.util.List;
import java.util.Set;

/** Ubuntu: the OVAL updaters and matcher. */
public final class UbuntuPlugin implements ClairPlugin {
    @Override
    public String name() {
        return "ubuntu";
    }

    @Override
    public List<UpdaterFactory> updaterFactories(PluginContext ctx) {
        return List.of(new UbuntuUpdaterFactory(ctx));
    }

    @Override
    public List<Matcher> matchers(PluginContext ctx) {
        return List.of(new DistributionMatcher("ubuntu-matcher", Set.of(UbuntuDistributions.DID),
                Set.of(MatchConstraint.DISTRIBUTION_DID, MatchConstraint.DISTRIBUTION_NAME,
                        MatchConstraint.DISTRIBUTION_VERSION_ID), VersionScheme.of("dpkg")));
    }
}
