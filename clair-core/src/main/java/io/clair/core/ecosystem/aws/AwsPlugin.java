package io.clair.core.ecosystem.aws;

import io.clair.core.match.DistributionMatcher;
import io.clair.core.match.MatchConstraint;
import io.clair.core.match.Matcher;
import io.clair.core.plugin.ClairPlugin;
import io.clair.core.plugin.PluginContext;
import io.clair.core.update.UpdaterFactory;
import io.clair.core.version.VersionScheme;
import java.util.List;
import java.util.Set;

/** Amazon Linux 1, 2 and 2023: the ALAS updaters (the distribution scanner is wired by the rpm plugin). */
public final class AwsPlugin implements ClairPlugin {
    @Override
    public String name() {
        return "aws";
    }

    @Override
    public List<UpdaterFactory> updaterFactories(PluginContext ctx) {
        return List.of(new AwsUpdaterFactory(ctx));
    }

    @Override
    public List<Matcher> matchers(PluginContext ctx) {
        return List.of(new DistributionMatcher("aws-matcher", Set.of(AwsDistributions.DID), Set.of(MatchConstraint.DISTRIBUTION_DID,
                MatchConstraint.DISTRIBUTION_NAME, MatchConstraint.DISTRIBUTION_VERSION_ID), VersionScheme.of("rpm")));
    }
}
