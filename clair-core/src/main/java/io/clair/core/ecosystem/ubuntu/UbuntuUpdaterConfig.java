package io.clair.core.ecosystem.ubuntu;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * Configuration of the {@code ubuntu} updater set, bound from {@code clair.updaters.ubuntu.*} (Clair:
 * {@code updaters.config.ubuntu}).
 *
 * @param url            directory holding the OVAL feeds, read as {@code <url>com.ubuntu.<series>.cve.oval.xml[.bz2]};
 *                       default {@value #DEFAULT_URL}
 * @param series         series to fetch, by code name; default {@link UbuntuSeries#DEFAULT}
 * @param seriesVersions version numbers for series {@link UbuntuSeries} does not know (key {@code series_versions},
 *                       for example {@code {"zesty": "17.04"}}); also overrides a known one
 * @param useBzip2       fetch the {@code .bz2} feed (key {@code use_bzip2}; default true, a tenth of the size)
 */
public record UbuntuUpdaterConfig(
        @JsonProperty("url") String url,
        @JsonProperty("series") List<String> series,
        @JsonProperty("series_versions") Map<String, String> seriesVersions,
        @JsonProperty("use_bzip2") Boolean useBzip2) {

    /** Canonical's security metadata site, which serves CVE OVAL per series with ETags. */
    public static final String DEFAULT_URL = "https://security-metadata.canonical.com/oval/";

    public UbuntuUpdaterConfig {
        url = url == null || url.isBlank() ? DEFAULT_URL : (url.endsWith("/") ? url : url + "/");
        series = series == null || series.isEmpty() ? UbuntuSeries.DEFAULT : List.copyOf(series);
        seriesVersions = seriesVersions == null ? Map.of() : Map.copyOf(seriesVersions);
        useBzip2 = useBzip2 == null || useBzip2;
    }
}
