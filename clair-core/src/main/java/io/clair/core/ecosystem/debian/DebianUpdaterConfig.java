package io.clair.core.ecosystem.debian;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Configuration of the {@code debian} updater set, bound from {@code clair.updaters.debian.*} (Clair:
 * {@code updaters.config.debian}). The key name follows claircore's, so an existing Clair configuration carries over.
 *
 * @param jsonUrl where the security tracker's JSON export is read; default {@value #DEFAULT_JSON_URL}
 */
public record DebianUpdaterConfig(@JsonProperty("json_url") String jsonUrl) {

    /** The Debian security tracker's full JSON export (about 75 MB; served with Last-Modified). */
    public static final String DEFAULT_JSON_URL = "https://security-tracker.debian.org/tracker/data/json";

    public DebianUpdaterConfig {
        jsonUrl = jsonUrl == null || jsonUrl.isBlank() ? DEFAULT_JSON_URL : jsonUrl;
    }
}
