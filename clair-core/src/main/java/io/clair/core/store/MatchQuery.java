package io.clair.core.store;

import io.clair.core.match.MatchConstraint;
import io.clair.core.version.NormalizedVersion;
import java.util.List;
import java.util.Map;

/**
 * A batch of candidate lookups that share the same constraint values (typically: every package of one report that
 * one matcher accepts, all of one distribution).
 *
 * @param constraints  the matcher's constraints with the values the records share (package names excluded)
 * @param binaryNames  package names matched against vulnerabilities of kind binary
 * @param sourceNames  source package names matched against vulnerabilities of kind source
 * @param versions     when the matcher filters by normalized range: the normalized versions per binary name; the
 *                     store then returns only vulnerabilities whose range holds one of that name's versions
 */
public record MatchQuery(Map<MatchConstraint, String> constraints, List<String> binaryNames,
        List<String> sourceNames, Map<String, List<NormalizedVersion>> versions) {
    public MatchQuery {
        constraints = Map.copyOf(constraints);
        binaryNames = List.copyOf(binaryNames);
        sourceNames = List.copyOf(sourceNames);
        versions = versions == null ? null : Map.copyOf(versions);
    }

    public boolean versionFiltered() {
        return versions != null;
    }
}
