package io.clair.core.version.maven;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.artifact.versioning.ComparableVersion;

/**
 * A Maven version range, read with the rules of Maven's {@code VersionRange.createFromVersionSpec}:
 * {@code [1.0,2.0)}, {@code (,1.0],[1.2,)}, {@code [1.5]} (exactly 1.5), or a bare {@code 1.0}, a soft requirement
 * that recommends 1.0 but admits every version, as Maven does.
 *
 * <p>Intervals must be in ascending order and must not overlap; a single version inside brackets must use
 * {@code []}; bounds must not run backwards.
 */
public final class MavenVersionRange {
    private final ComparableVersion recommended;
    private final List<MavenRestriction> restrictions;

    private MavenVersionRange(ComparableVersion recommended, List<MavenRestriction> restrictions) {
        this.recommended = recommended;
        this.restrictions = List.copyOf(restrictions);
    }

    /**
     * Parses a range spec.
     *
     * @throws IllegalArgumentException where Maven throws {@code InvalidVersionSpecificationException}
     */
    public static MavenVersionRange parse(String spec) {
        List<MavenRestriction> restrictions = new ArrayList<>();
        String process = spec;
        ComparableVersion upperBound = null;
        while (process.startsWith("[") || process.startsWith("(")) {
            int close = process.indexOf(')');
            int closeSquare = process.indexOf(']');
            int index = closeSquare;
            if ((closeSquare < 0 || close < closeSquare) && close >= 0) {
                index = close;
            }
            if (index < 0) {
                throw new IllegalArgumentException("maven range: unbounded range: " + spec);
            }
            MavenRestriction r = restriction(process.substring(0, index + 1), spec);
            if (upperBound != null && (r.lower() == null || r.lower().compareTo(upperBound) < 0)) {
                throw new IllegalArgumentException("maven range: ranges overlap: " + spec);
            }
            restrictions.add(r);
            upperBound = r.upper();
            process = process.substring(index + 1).trim();
            if (process.startsWith(",")) {
                process = process.substring(1).trim();
            }
        }
        ComparableVersion recommended = null;
        if (!process.isEmpty()) {
            if (!restrictions.isEmpty()) {
                throw new IllegalArgumentException(
                        "maven range: only fully-qualified sets allowed in multiple set scenario: " + spec);
            }
            recommended = new ComparableVersion(process);
            restrictions.add(MavenRestriction.EVERYTHING);
        }
        return new MavenVersionRange(recommended, restrictions);
    }

    private static MavenRestriction restriction(String part, String spec) {
        boolean lowerInclusive = part.startsWith("[");
        boolean upperInclusive = part.endsWith("]");
        String process = part.substring(1, part.length() - 1).trim();
        int comma = process.indexOf(',');
        if (comma < 0) {
            if (!lowerInclusive || !upperInclusive) {
                throw new IllegalArgumentException("maven range: single version must be surrounded by []: " + spec);
            }
            ComparableVersion v = new ComparableVersion(process);
            return new MavenRestriction(v, true, v, true);
        }
        String lo = process.substring(0, comma).trim();
        String hi = process.substring(comma + 1).trim();
        ComparableVersion lower = lo.isEmpty() ? null : new ComparableVersion(lo);
        ComparableVersion upper = hi.isEmpty() ? null : new ComparableVersion(hi);
        if (lower != null && upper != null) {
            int c = upper.compareTo(lower);
            if (c < 0 || (c == 0 && (!lowerInclusive || !upperInclusive))) {
                throw new IllegalArgumentException("maven range: range defies version ordering: " + spec);
            }
        }
        return new MavenRestriction(lower, lowerInclusive, upper, upperInclusive);
    }

    /** Whether some interval holds {@code version}; a soft requirement holds every version. */
    public boolean contains(String version) {
        ComparableVersion v = MavenScheme.parse(version);
        for (MavenRestriction r : restrictions) {
            if (r.contains(v)) {
                return true;
            }
        }
        return false;
    }

    /** The version a bare spec recommends, or {@code null} for a bracketed range. */
    public ComparableVersion recommended() {
        return recommended;
    }

    public List<MavenRestriction> restrictions() {
        return restrictions;
    }

    @Override
    public String toString() {
        if (recommended != null) {
            return recommended.toString();
        }
        List<String> parts = new ArrayList<>();
        restrictions.forEach(r -> parts.add(r.toString()));
        return String.join(",", parts);
    }
}
