package io.clair.core.ecosystem.osv;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Configuration of the {@code osv} updater set, bound from {@code clair.updaters.osv.*} (Clair:
 * {@code updaters.config.osv}); the keys are claircore's.
 *
 * @param url       root of the osv.dev exports, read as {@code <url><Ecosystem>/all.zip}; default {@value #DEFAULT_URL}
 * @param allowlist ecosystems to fetch, in osv.dev's spelling or lowercase as in Clair configurations ({@code PyPI}
 *                  or {@code pypi}); default {@code PyPI, Go, npm, Maven, crates.io, RubyGems}. Ecosystems with a
 *                  dedicated updater (Alpine,
 *                  Debian, Ubuntu, ...) or without container use (Linux, Android, OSS-Fuzz) are ignored, as in
 *                  claircore.
 */
public record OsvUpdaterConfig(
        @JsonProperty("url") String url,
        @JsonProperty("allowlist") List<String> allowlist) {

    /** The public bucket osv.dev publishes its per-ecosystem exports to (served with ETags). */
    public static final String DEFAULT_URL = "https://osv-vulnerabilities.storage.googleapis.com/";

    public OsvUpdaterConfig {
        url = url == null || url.isBlank() ? DEFAULT_URL : (url.endsWith("/") ? url : url + "/");
        allowlist = allowlist == null || allowlist.isEmpty() ? OsvEcosystems.DEFAULT_ALLOWLIST : List.copyOf(allowlist);
    }
}
