package io.clair.core.ecosystem.oracle;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Configuration of the {@code oracle} updater set, bound from {@code clair.updaters.oracle.*} (Clair:
 * {@code updaters.config.oracle}).
 *
 * @param url       the directory holding {@code com.oracle.elsa-<year>.xml.bz2}; default {@value #DEFAULT_URL}.
 *                  Point it at a mirror that copies the same file names.
 * @param firstYear the first year to fetch; default {@value #DEFAULT_FIRST_YEAR}, Oracle's first ELSA year
 * @param lastYear  the last year to fetch; {@code 0} (the default) means the current year by the plugin clock
 */
public record OracleUpdaterConfig(
        @JsonProperty("url") String url,
        @JsonProperty("first_year") int firstYear,
        @JsonProperty("last_year") int lastYear) {

    /** Oracle's OVAL directory; each year's file is {@code com.oracle.elsa-<year>.xml.bz2} under it. */
    public static final String DEFAULT_URL = "https://linux.oracle.com/security/oval/";
    public static final int DEFAULT_FIRST_YEAR = 2007;

    public OracleUpdaterConfig {
        url = url == null || url.isBlank() ? DEFAULT_URL : (url.endsWith("/") ? url : url + "/");
        firstYear = firstYear == 0 ? DEFAULT_FIRST_YEAR : firstYear;
        if (lastYear != 0 && lastYear < firstYear) {
            throw new IllegalArgumentException("oracle: last_year " + lastYear + " is before first_year " + firstYear);
        }
    }
}
