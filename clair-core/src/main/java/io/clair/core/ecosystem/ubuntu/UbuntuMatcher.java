package io.clair.core.ecosystem.ubuntu;

import io.clair.core.index.IndexRecord;
import io.clair.core.match.FixedVersionMatchers;
import io.clair.core.match.MatchConstraint;
import io.clair.core.match.Matcher;
import io.clair.core.version.VersionScheme;
import io.clair.core.vuln.Vulnerability;
import java.util.Set;

/** Ubuntu packages against the OVAL data, in dpkg version order. */
final class UbuntuMatcher implements Matcher {
    private static final VersionScheme DPKG = VersionScheme.of("dpkg");

    @Override
    public String name() {
        return "ubuntu-matcher";
    }

    @Override
    public boolean accepts(IndexRecord r) {
        return r.distribution() != null && UbuntuDistributions.DID.equals(r.distribution().did());
    }

    @Override
    public Set<MatchConstraint> constraints() {
        return Set.of(MatchConstraint.DISTRIBUTION_DID, MatchConstraint.DISTRIBUTION_NAME,
                MatchConstraint.DISTRIBUTION_VERSION_ID);
    }

    @Override
    public boolean isVulnerable(IndexRecord r, Vulnerability v) {
        return FixedVersionMatchers.lowerThanFixed(DPKG, r.pkg(), v);
    }
}
