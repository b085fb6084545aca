package io.clair.core.ecosystem.alpine;

import io.clair.core.match.DistributionMatcher;
import io.clair.core.match.MatchConstraint;
import io.clair.core.match.Matcher;
import io.clair.core.plugin.ClairPlugin;
import io.clair.core.plugin.PluginContext;
import io.clair.core.update.UpdaterFactory;
import io.clair.core.version.VersionScheme;
import java.util.List;
import java.util.Set;

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
        return List.of(new DistributionMatcher("alpine-matcher", Set.of(AlpineDistributions.DID),
                Set.of(MatchConstraint.DISTRIBUTION_DID, MatchConstraint.DISTRIBUTION_NAME,
                        MatchConstraint.DISTRIBUTION_PRETTY_NAME), VersionScheme.of("apk")));
    }
}
