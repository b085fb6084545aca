package io.clair.core.enrich.cvss;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Configuration of the {@code clair.cvss} updater set, bound from {@code clair.updaters."clair.cvss".*} (Clair:
 * {@code updaters.config.clair.cvss}).
 *
 * @param feedRoot {@code feed_root}: where the yearly feeds live, as {@code <feed_root>nvdcve-2.0-<year>.json.gz}
 *                 and {@code <feed_root>nvdcve-2.0-<year>.meta}. Default {@value #DEFAULT_FEED_ROOT}. Point it at
 *                 a mirror that copies the same layout; a missing trailing slash is added.
 * @param years    {@code years}: the feed years to load; empty (the default) means every year from
 *                 {@value CvssUpdater#FIRST_YEAR} to the current one
 */
public record CvssUpdaterConfig(
        @JsonProperty("feed_root") String feedRoot,
        @JsonProperty("years") List<Integer> years) {

    /** NVD's JSON 2.0 feed directory. */
    public static final String DEFAULT_FEED_ROOT = "https://nvd.nist.gov/feeds/json/cve/2.0/";

    public CvssUpdaterConfig {
        feedRoot = feedRoot == null || feedRoot.isBlank() ? DEFAULT_FEED_ROOT
                : (feedRoot.endsWith("/") ? feedRoot : feedRoot + "/");
        years = years == null ? List.of() : List.copyOf(years);
        for (int y : years) {
            if (y < CvssUpdater.FIRST_YEAR) {
                throw new IllegalArgumentException("cvss: year " + y + " is before the first NVD feed ("
                        + CvssUpdater.FIRST_YEAR + ")");
            }
        }
    }

    public static CvssUpdaterConfig defaults() {
        return new CvssUpdaterConfig(null, null);
    }
}
