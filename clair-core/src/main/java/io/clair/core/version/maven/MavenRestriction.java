package io.clair.core.version.maven;

import org.apache.maven.artifact.versioning.ComparableVersion;

/**
 * One interval of a Maven version range: {@code [1.0,2.0)}, {@code (,1.0]}, {@code [1.5]}. A {@code null} bound is
 * unbounded.
 *
 * @param lower          the lower bound, or {@code null}
 * @param lowerInclusive whether the lower bound belongs to the interval
 * @param upper          the upper bound, or {@code null}
 * @param upperInclusive whether the upper bound belongs to the interval
 */
public record MavenRestriction(ComparableVersion lower, boolean lowerInclusive, ComparableVersion upper,
        boolean upperInclusive) {

    /** The interval that holds every version. */
    public static final MavenRestriction EVERYTHING = new MavenRestriction(null, false, null, false);

    public boolean contains(ComparableVersion v) {
        if (lower != null) {
            int c = lower.compareTo(v);
            if (c > 0 || (c == 0 && !lowerInclusive)) {
                return false;
            }
        }
        if (upper != null) {
            int c = upper.compareTo(v);
            if (c < 0 || (c == 0 && !upperInclusive)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        if (lower != null && lower.equals(upper) && lowerInclusive && upperInclusive) {
            return "[" + lower + "]";
        }
        return (lowerInclusive ? "[" : "(") + (lower == null ? "" : lower.toString()) + ","
                + (upper == null ? "" : upper.toString()) + (upperInclusive ? "]" : ")");
    }
}
