package io.clair.core.ecosystem.alpine;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Configuration of the {@code alpine} updater set, bound from {@code clair.updaters.alpine.*} (Clair:
 * {@code updaters.config.alpine}).
 *
 * @param url      base URL of the secdb; releases live at {@code <url><release>/<repo>.json}. Default
 *                 {@value #DEFAULT_URL}. Point it at a mirror that copies the same layout.
 * @param releases releases to fetch ({@code v3.18}, {@code 3.18} or {@code edge}); empty (the default) means
 *                 "discover them from the index page at {@code url}"
 * @param repos    repositories per release; default {@code main} and {@code community}
 */
public record AlpineUpdaterConfig(
        @JsonProperty("url") String url,
        @JsonProperty("releases") List<String> releases,
        @JsonProperty("repos") List<String> repos) {

    /** The Alpine security database, which serves an HTML index of {@code v3.N/} and {@code edge/} directories. */
    public static final String DEFAULT_URL = "https://secdb.alpinelinux.org/";
    public static final List<String> DEFAULT_REPOS = List.of("main", "community");

    public AlpineUpdaterConfig {
        url = url == null || url.isBlank() ? DEFAULT_URL : (url.endsWith("/") ? url : url + "/");
        releases = releases == null ? List.of() : List.copyOf(releases);
        repos = repos == null || repos.isEmpty() ? DEFAULT_REPOS : List.copyOf(repos);
    }

    public static AlpineUpdaterConfig defaults() {
        return new AlpineUpdaterConfig(null, null, null);
    }
}
