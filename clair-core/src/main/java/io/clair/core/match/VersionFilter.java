package io.clair.core.match;

/**
 * Optional ability of a {@link Matcher}: the store may filter candidates by normalized version range in SQL
 * (record's normalized version inside the vulnerability's range). When {@link #versionAuthoritative()} is true the
 * SQL result is final and {@link Matcher#isVulnerable} is not consulted.
 */
public interface VersionFilter {
    boolean versionAuthoritative();
}
