package io.clair.core.version;

import java.util.Objects;

/**
 * An interval of versions of one {@link VersionScheme}, each end inclusive or exclusive, or unbounded ({@code null}).
 * claircore's vulnerable ranges are {@code [lower, upper)}: see {@link #halfOpen}.
 *
 * @param scheme         the ordering
 * @param lower          the lower bound, or {@code null} for none
 * @param lowerInclusive whether {@code lower} itself is in the range
 * @param upper          the upper bound, or {@code null} for none
 * @param upperInclusive whether {@code upper} itself is in the range
 */
public record VersionRange(VersionScheme scheme, String lower, boolean lowerInclusive, String upper,
        boolean upperInclusive) {

    /**
     * Checks the bounds now, so that a bad bound fails where the range is made.
     *
     * @throws InvalidVersionException when a bound does not parse
     * @throws IllegalArgumentException when the lower bound is above the upper one
     */
    public VersionRange {
        Objects.requireNonNull(scheme, "scheme");
        if (lower != null && upper != null && scheme.compare(lower, upper) > 0) {
            throw new IllegalArgumentException("version range: lower bound " + lower + " is above upper bound " + upper);
        }
        if (lower != null) {
            scheme.compare(lower, lower);
        }
        if (upper != null) {
            scheme.compare(upper, upper);
        }
    }

    /** {@code [lower, upper)}, either end may be {@code null}. */
    public static VersionRange halfOpen(VersionScheme scheme, String lower, String upper) {
        return new VersionRange(scheme, lower, true, upper, false);
    }

    /** {@code [lower, upper]}. */
    public static VersionRange closed(VersionScheme scheme, String lower, String upper) {
        return new VersionRange(scheme, lower, true, upper, true);
    }

    /**
     * Whether {@code version} lies in the range.
     *
     * @throws InvalidVersionException when {@code version} does not parse
     */
    public boolean contains(String version) {
        if (lower != null) {
            int c = scheme.compare(version, lower);
            if (c < 0 || (c == 0 && !lowerInclusive)) {
                return false;
            }
        }
        if (upper != null) {
            int c = scheme.compare(version, upper);
            return c < 0 || (c == 0 && upperInclusive);
        }
        scheme.compare(version, version);
        return true;
    }

    /** Interval notation with the scheme, e.g. {@code dpkg:[1.0, 2.0)}. */
    @Override
    public String toString() {
        return scheme.name() + ":" + (lowerInclusive && lower != null ? "[" : "(") + (lower == null ? "" : lower)
                + ", " + (upper == null ? "" : upper) + (upperInclusive && upper != null ? "]" : ")");
    }
}
