package io.clair.core.ecosystem.suse;

import io.clair.core.match.DistributionMatcher;
import io.clair.core.match.MatchConstraint;
import io.clair.core.match.Matcher;
import io.clair.core.plugin.ClairPlugin;
import io.clair.core.plugin.PluginContext;
import io.clair.core.update.UpdaterFactory;
import io.clair.core.version.VersionScheme;
import java.util.List;
import java.util.Set;

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

    @Override
    public List<Matcher> matchers(PluginContext ctx) {
        return List.of(new DistributionMatcher("suse", Set.of(SuseDistributions.SLES_DID, SuseDistributions.LEAP_DID), Set.of(MatchConstraint.DISTRIBUTION_DID,
                MatchConstraint.DISTRIBUTION_NAME, MatchConstraint.DISTRIBUTION_VERSION), VersionScheme.of("rpm")));
    }
}
