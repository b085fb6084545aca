package io.clair.core.ecosystem.debian;

import io.clair.core.match.DistributionMatcher;
import io.clair.core.match.MatchConstraint;
import io.clair.core.match.Matcher;
import io.clair.core.plugin.ClairPlugin;
import io.clair.core.plugin.PluginContext;
import io.clair.core.update.UpdaterFactory;
import io.clair.core.version.VersionScheme;
import java.util.List;
import java.util.Set;

/** Debian: the security-tracker updater and matcher. */
public final class DebianPlugin implements ClairPlugin {
    @Override
    public String name() {
        return "debian";
    }

    @Override
    public List<UpdaterFactory> updaterFactories(PluginContext ctx) {
        return List.of(new DebianUpdaterFactory(ctx));
    }

    @Override
    public List<Matcher> matchers(PluginContext ctx) {
        return List.of(new DistributionMatcher("debian-matcher", Set.of(DebianDistributions.DID),
                Set.of(MatchConstraint.DISTRIBUTION_DID, MatchConstraint.DISTRIBUTION_NAME,
                        MatchConstraint.DISTRIBUTION_VERSION_ID), VersionScheme.of("dpkg")));
    }
}
