package io.clair.core.ecosystem.oracle;

import io.clair.core.match.DistributionMatcher;
import io.clair.core.match.MatchConstraint;
import io.clair.core.match.Matcher;
import io.clair.core.plugin.ClairPlugin;
import io.clair.core.plugin.PluginContext;
import io.clair.core.update.UpdaterFactory;
import io.clair.core.version.VersionScheme;
import java.util.List;
import java.util.Set;

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

    @Override
    public List<Matcher> matchers(PluginContext ctx) {
        return List.of(new DistributionMatcher("oracle", Set.of(OracleDistributions.DID), Set.of(MatchConstraint.DISTRIBUTION_DID,
                MatchConstraint.DISTRIBUTION_NAME, MatchConstraint.DISTRIBUTION_VERSION), VersionScheme.of("rpm")));
    }
}
