package io.clair.core.match;

import io.clair.core.index.Distribution;
import io.clair.core.index.IndexRecord;
import io.clair.core.index.Repository;
import io.clair.core.vuln.Vulnerability;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/** The values a record brings to a matcher's constraints, and the same test applied to a stored vulnerability. */
public final class Constraints {
    private Constraints() {
    }

    /**
     * The record's value for each constraint ({@code ""} where the record has none). {@link
     * MatchConstraint#HAS_FIXED_IN_VERSION} and {@link MatchConstraint#PACKAGE_SOURCE_NAME} are not values: the
     * first is a filter on the vulnerability alone, the second is how the store pairs source packages.
     */
    public static Map<MatchConstraint, String> values(Set<MatchConstraint> constraints, IndexRecord r) {
        Map<MatchConstraint, String> out = new EnumMap<>(MatchConstraint.class);
        Distribution d = r.distribution();
        Repository repo = r.repository();
        for (MatchConstraint c : constraints) {
            String v = switch (c) {
                case PACKAGE_SOURCE_NAME, HAS_FIXED_IN_VERSION -> null;
                case PACKAGE_MODULE -> r.pkg().module();
                case DISTRIBUTION_DID -> d == null ? "" : d.did();
                case DISTRIBUTION_NAME -> d == null ? "" : d.name();
                case DISTRIBUTION_VERSION -> d == null ? "" : d.version();
                case DISTRIBUTION_VERSION_ID -> d == null ? "" : d.versionId();
                case DISTRIBUTION_VERSION_CODE_NAME -> d == null ? "" : d.versionCodeName();
                case DISTRIBUTION_PRETTY_NAME -> d == null ? "" : d.prettyName();
                case DISTRIBUTION_CPE -> d == null ? "" : d.cpe();
                case DISTRIBUTION_ARCH -> d == null ? "" : d.arch();
                case REPOSITORY_NAME -> repo == null ? "" : repo.name();
                case REPOSITORY_KEY -> repo == null ? "" : repo.key();
                case REPOSITORY_URI -> repo == null ? "" : repo.uri();
            };
            if (v != null) {
                out.put(c, v);
            }
        }
        return out;
    }

    /** The vulnerability's value for a constraint, the counterpart of {@link #values}. */
    public static String vulnerabilityValue(MatchConstraint c, Vulnerability v) {
        Distribution d = v.distribution();
        Repository repo = v.repository();
        return switch (c) {
            case PACKAGE_SOURCE_NAME, HAS_FIXED_IN_VERSION -> null;
            case PACKAGE_MODULE -> v.pkg() == null ? "" : v.pkg().module();
            case DISTRIBUTION_DID -> d == null ? "" : d.did();
            case DISTRIBUTION_NAME -> d == null ? "" : d.name();
            case DISTRIBUTION_VERSION -> d == null ? "" : d.version();
            case DISTRIBUTION_VERSION_ID -> d == null ? "" : d.versionId();
            case DISTRIBUTION_VERSION_CODE_NAME -> d == null ? "" : d.versionCodeName();
            case DISTRIBUTION_PRETTY_NAME -> d == null ? "" : d.prettyName();
            case DISTRIBUTION_CPE -> d == null ? "" : d.cpe();
            case DISTRIBUTION_ARCH -> d == null ? "" : d.arch();
            case REPOSITORY_NAME -> repo == null ? "" : repo.name();
            case REPOSITORY_KEY -> repo == null ? "" : repo.key();
            case REPOSITORY_URI -> repo == null ? "" : repo.uri();
        };
    }

    /** Whether {@code v} satisfies every value and, when asked, has a fixed version. */
    public static boolean satisfied(Vulnerability v, Map<MatchConstraint, String> values, boolean needFixed) {
        if (needFixed && v.fixedInVersion().isEmpty()) {
            return false;
        }
        for (Map.Entry<MatchConstraint, String> e : values.entrySet()) {
            if (!e.getValue().equals(vulnerabilityValue(e.getKey(), v))) {
                return false;
            }
        }
        return true;
    }
}
