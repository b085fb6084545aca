package io.clair.core.vuln;

import io.clair.core.version.NormalizedVersion;

/**
 * A half-open range of affected versions {@code [lower, upper)} in normalized text form
 * ({@code kind:v0....v9}), as claircore stores it; either end may be {@code ""} for unbounded.
 */
public record Range(String lower, String upper) {
    public Range {
        lower = lower == null ? "" : lower;
        upper = upper == null ? "" : upper;
    }

    /** The range {@code [lower, upper)} of two normalized versions; either may be null for unbounded. */
    public static Range of(NormalizedVersion lower, NormalizedVersion upper) {
        return new Range(lower == null ? "" : lower.toString(), upper == null ? "" : upper.toString());
    }

    /** The kind of version the bounds are in ({@code semver}, {@code pep440}, ...), or {@code ""}. */
    public String kind() {
        String b = lower.isEmpty() ? upper : lower;
        int colon = b.indexOf(':');
        return colon > 0 ? b.substring(0, colon) : "";
    }

    /** Whether {@code v} lies in {@code [lower, upper)}; a version of another kind never does. */
    public boolean contains(NormalizedVersion v) {
        if (lower.isEmpty() && upper.isEmpty() || !v.kind().equals(kind())) {
            return false;
        }
        boolean aboveLower = lower.isEmpty() || NormalizedVersion.parse(lower).compareTo(v) <= 0;
        boolean belowUpper = upper.isEmpty() || NormalizedVersion.parse(upper).compareTo(v) > 0;
        return aboveLower && belowUpper;
    }
}
