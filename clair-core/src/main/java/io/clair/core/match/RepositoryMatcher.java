package io.clair.core.match;

import io.clair.core.index.IndexRecord;
import io.clair.core.version.VersionScheme;
import io.clair.core.vuln.Vulnerability;
import java.util.Set;

/**
 * The matcher of a language ecosystem: records from one repository ({@code pypi}, {@code maven}, ...), candidates
 * with the same repository name, versions compared with the ecosystem's scheme against OSV intervals.
 */
public class RepositoryMatcher implements Matcher {
    private final String name;
    private final String repository;
    private final VersionScheme scheme;

    public RepositoryMatcher(String name, String repository, VersionScheme scheme) {
        this.name = name;
        this.repository = repository;
        this.scheme = scheme;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean accepts(IndexRecord r) {
        return r.repository() != null && repository.equals(r.repository().name());
    }

    @Override
    public Set<MatchConstraint> constraints() {
        return Set.of(MatchConstraint.REPOSITORY_NAME);
    }

    @Override
    public boolean isVulnerable(IndexRecord r, Vulnerability v) {
        return OsvBounds.affects(scheme, r.pkg().version(), v);
    }
}
