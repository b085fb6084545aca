package io.clair.core.vuln;

import java.util.Locale;

/** Clair's normalized severity levels, least to most severe; {@link #compareTo} orders them so. */
public enum Severity {
    Unknown,
    Negligible,
    Low,
    Medium,
    High,
    Critical;

    /** Parses a normalized severity name case-insensitively; anything else is {@link #Unknown}. */
    public static Severity parse(String s) {
        if (s == null) {
            return Unknown;
        }
        for (Severity v : values()) {
            if (v.name().equalsIgnoreCase(s.trim())) {
                return v;
            }
        }
        // Clair v2 had a level above Critical; it maps to the top of today's scale.
        return "defcon1".equals(s.trim().toLowerCase(Locale.ROOT)) ? Critical : Unknown;
    }

    /** The NVD qualitative rating of a CVSS v3/v4 base score (0.0 None is Negligible here). */
    public static Severity fromCvssScore(double score) {
        if (score >= 9.0) {
            return Critical;
        } else if (score >= 7.0) {
            return High;
        } else if (score >= 4.0) {
            return Medium;
        } else if (score >= 0.1) {
            return Low;
        }
        return Negligible;
    }
}
