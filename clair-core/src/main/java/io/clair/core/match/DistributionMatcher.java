package io.clair.core.match;

import io.clair.core.index.IndexRecord;
import io.clair.core.version.VersionScheme;
import io.clair.core.vuln.Vulnerability;
import java.util.Set;

/**
 * The matcher of an operating system's own data: records of the distributions with the given {@code did}s,
 * candidates with equal values for {@code constraints}, and the rule of {@link FixedVersionMatchers} in the
 * distribution's version order, after the vulnerability's architecture operation.
 */
public final class DistributionMatcher implements Matcher {
    private final String name;
    private final Set<String> dids;
    private final Set<MatchConstraint> constraints;
    private final VersionScheme scheme;

    public DistributionMatcher(String name, Set<String> dids, Set<MatchConstraint> constraints, VersionScheme scheme) {
        this.name = name;
        this.dids = Set.copyOf(dids);
        this.constraints = Set.copyOf(constraints);
        this.scheme = scheme;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean accepts(IndexRecord r) {
        return r.distribution() != null && dids.contains(r.distribution().did());
    }

    @Override
    public Set<MatchConstraint> constraints() {
        return constraints;
    }

    @Override
    public boolean isVulnerable(IndexRecord r, Vulnerability v) {
        String vulnArch = v.pkg() == null ? "" : v.pkg().arch();
        return v.archOp().applies(vulnArch, r.pkg().arch()) && FixedVersionMatchers.lowerThanFixed(scheme, r.pkg(), v);
    }
}
