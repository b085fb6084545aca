package io.clair.core.ecosystem.rhel;

import io.clair.core.index.IndexRecord;
import io.clair.core.match.MatchConstraint;
import io.clair.core.match.Matcher;
import io.clair.core.vuln.Vulnerability;
import java.util.Optional;
import java.util.Set;

/**
 * Red Hat's VEX data against RHEL-compatible images whose repositories are unknown: CentOS, Rocky and AlmaLinux
 * images (their distribution carries {@code cpe:/o:redhat:enterprise_linux:N}) and RHEL images without content
 * manifests. A record applies when its product is a main RHEL product of the same major release N.
 */
final class RhelReleaseMatcher implements Matcher {

    @Override
    public String name() {
        return "rhel-release";
    }

    @Override
    public boolean accepts(IndexRecord r) {
        return r.repository() == null && release(r).isPresent();
    }

    @Override
    public Set<MatchConstraint> constraints() {
        return Set.of(MatchConstraint.PACKAGE_MODULE);
    }

    @Override
    public boolean isVulnerable(IndexRecord r, Vulnerability v) {
        if (v.repository() == null || !VexDocumentParser.REPOSITORY_KEY.equals(v.repository().key())) {
            return false;
        }
        Optional<Integer> mine = release(r);
        Optional<Integer> theirs;
        try {
            theirs = RhelCpe.parse(v.repository().cpe()).enterpriseLinuxRelease();
        } catch (IllegalArgumentException e) {
            return false;
        }
        return mine.isPresent() && mine.equals(theirs) && RhelMatcher.applies(r, v);
    }

    private static Optional<Integer> release(IndexRecord r) {
        if (r.distribution() == null || !r.distribution().cpe().startsWith(RhelDistributions.CPE_PREFIX)) {
            return Optional.empty();
        }
        try {
            return RhelCpe.parse(r.distribution().cpe()).enterpriseLinuxRelease();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
