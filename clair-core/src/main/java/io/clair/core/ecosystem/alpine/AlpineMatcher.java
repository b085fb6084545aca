package io.clair.core.ecosystem.alpine;

import io.clair.core.index.IndexRecord;
import io.clair.core.match.FixedVersionMatchers;
import io.clair.core.match.MatchConstraint;
import io.clair.core.match.Matcher;
import io.clair.core.version.VersionScheme;
import io.clair.core.vuln.Vulnerability;
import java.util.Set;

/** Alpine packages against the secdb, by origin (source) name and apk-tools version order. */
final class AlpineMatcher implements Matcher {
    private static final VersionScheme APK = VersionScheme.of("apk");

    @Override
    public String name() {
        return "alpine-matcher";
    }

    @Override
    public boolean accepts(IndexRecord r) {
        return r.distribution() != null && (AlpineDistributions.DID.equals(r.distribution().did())
                || AlpineDistributions.NAME.equals(r.distribution().name()));
    }

    @Override
    public Set<MatchConstraint> constraints() {
        return Set.of(MatchConstraint.DISTRIBUTION_DID, MatchConstraint.DISTRIBUTION_NAME,
                MatchConstraint.DISTRIBUTION_PRETTY_NAME);
    }

    @Override
    public boolean isVulnerable(IndexRecord r, Vulnerability v) {
        return FixedVersionMatchers.lowerThanFixed(APK, r.pkg(), v);
    }
}
