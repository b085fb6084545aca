package io.clair.core.vuln;

/**
 * A half-open range of affected versions {@code [lower, upper)} in normalized text form
 * ({@code kind:v0....v9}), as claircore stores it; either end may be {@code ""} for unbounded.
 */
public record Range(String lower, String upper) {
    public Range {
        lower = lower == null ? "" : lower;
        upper = upper == null ? "" : upper;
    }
}
