package io.clair.core.ecosystem.photon;

import io.clair.core.match.DistributionMatcher;
import io.clair.core.match.MatchConstraint;
import io.clair.core.match.Matcher;
import io.clair.core.plugin.ClairPlugin;
import io.clair.core.plugin.PluginContext;
import io.clair.core.update.UpdaterFactory;
import io.clair.core.version.VersionScheme;
import java.util.List;
import java.util.Set;

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

    @Override
    public List<Matcher> matchers(PluginContext ctx) {
        return List.of(new DistributionMatcher("photon", Set.of(PhotonDistributions.DID), Set.of(MatchConstraint.DISTRIBUTION_DID,
                MatchConstraint.DISTRIBUTION_NAME, MatchConstraint.DISTRIBUTION_VERSION), VersionScheme.of("rpm")));
    }
}
