package io.clair.core.ecosystem.debian;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Configuration of the {@code debian} updater set, bound from {@code clair.updaters.debian.*} (Clair:
 * {@code updaters.config.debian}). The key names are claircore's, so an existing Clair configuration carries over;
 * claircore's retired OVAL keys ({@code url}, {@code dists_url}, {@code oval_url}, {@code archive_url}) are rejected as
 * unknown, as Clair rejects them.
 *
 * @param jsonUrl   where the security tracker's JSON export is read (key {@code json_url}); default
 *                  {@value #DEFAULT_JSON_URL}
 * @param mirrorUrl accepted for Clair configurations (key {@code mirror_url}) but not read: claircore lists the
 *                  mirror's {@code dists/} to learn release numbers, while here they come from
 *                  {@link DebianDistributions}
 */
public record DebianUpdaterConfig(
        @JsonProperty("json_url") String jsonUrl,
        @JsonProperty("mirror_url") String mirrorUrl) {

    /** The Debian security tracker's full JSON export (about 75 MB; served with Last-Modified). */
    public static final String DEFAULT_JSON_URL = "https://security-tracker.debian.org/tracker/data/json";

    public DebianUpdaterConfig {
        jsonUrl = jsonUrl == null || jsonUrl.isBlank() ? DEFAULT_JSON_URL : jsonUrl;
        mirrorUrl = mirrorUrl == null ? "" : mirrorUrl;
    }
}
