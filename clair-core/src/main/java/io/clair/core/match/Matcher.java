package io.clair.core.match;

import io.clair.core.index.IndexRecord;
import io.clair.core.vuln.Vulnerability;
import java.util.Set;

/**
 * Decides which vulnerabilities affect which packages for one ecosystem, in two steps: the store fetches candidates
 * that satisfy {@link #constraints()}, then {@link #isVulnerable} compares versions in Java.
 *
 * <p>Implementations MUST be stateless and thread-safe.
 */
public interface Matcher {

    /** Stable name, for example {@code alpine-matcher}. */
    String name();

    /** Whether this matcher is interested in the record at all (by distribution, repository, version kind ...). */
    boolean accepts(IndexRecord record);

    /** Conditions the candidate query must satisfy, ANDed together. */
    Set<MatchConstraint> constraints();

    /**
     * Whether {@code vuln}, a candidate the store returned, affects the record's package.
     *
     * @throws io.clair.core.version.InvalidVersionException when either version will not parse; the caller logs and
     *         counts it rather than treating it as "not vulnerable"
     */
    boolean isVulnerable(IndexRecord record, Vulnerability vuln);
}
