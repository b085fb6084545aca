package io.clair.core.ecosystem.rhel;

import io.clair.core.index.IndexRecord;
import io.clair.core.match.FixedVersionMatchers;
import io.clair.core.match.MatchConstraint;
import io.clair.core.match.Matcher;
import io.clair.core.version.VersionScheme;
import io.clair.core.vuln.Vulnerability;
import java.util.List;
import java.util.Set;

/**
 * Red Hat's VEX data against packages of images whose content sets name Red Hat repositories (the repository
 * scanner's {@code rhel-cpe-repository} records): same module, a repository CPE the record's repository CPE
 * satisfies, then rpm order. A not-affected statement applies wherever its CPE matches, whatever the version.
 */
final class RhelMatcher implements Matcher {
    private static final VersionScheme RPM = VersionScheme.of("rpm");

    @Override
    public String name() {
        return "rhel";
    }

    @Override
    public boolean accepts(IndexRecord r) {
        return r.repository() != null && VexDocumentParser.REPOSITORY_KEY.equals(r.repository().key());
    }

    @Override
    public Set<MatchConstraint> constraints() {
        return Set.of(MatchConstraint.PACKAGE_MODULE, MatchConstraint.REPOSITORY_KEY);
    }

    @Override
    public boolean isVulnerable(IndexRecord r, Vulnerability v) {
        if (v.repository() == null || !cpeCovers(v.repository().cpe(), r.repository().cpe())) {
            return false;
        }
        return applies(r, v);
    }

    /** After the product check: not-affected statements apply as they are; others by architecture and version. */
    static boolean applies(IndexRecord r, Vulnerability v) {
        if (v.notVulnerable()) {
            return true;
        }
        String vulnArch = v.pkg() == null ? "" : v.pkg().arch();
        return v.archOp().applies(vulnArch, r.pkg().arch()) && FixedVersionMatchers.lowerThanFixed(RPM, r.pkg(), v);
    }

    /**
     * Whether a vulnerability's product CPE covers an image repository's CPE: attribute by attribute, equal, or the
     * vulnerability's is a wildcard ({@code *}, or a prefix ending in {@code *} such as {@code 4.*}).
     */
    static boolean cpeCovers(String vulnCpe, String recordCpe) {
        if (vulnCpe.isEmpty() || recordCpe.isEmpty()) {
            return false;
        }
        List<String> v;
        List<String> r;
        try {
            v = RhelCpe.parse(vulnCpe).attributes();
            r = RhelCpe.parse(recordCpe).attributes();
        } catch (IllegalArgumentException e) {
            return vulnCpe.equals(recordCpe);
        }
        for (int i = 0; i < v.size(); i++) {
            String a = v.get(i);
            String b = r.get(i);
            if (a.equals("*") || a.equals(b)) {
                continue;
            }
            if (a.endsWith("*") && b.startsWith(a.substring(0, a.length() - 1))) {
                continue;
            }
            return false;
        }
        return true;
    }
}
