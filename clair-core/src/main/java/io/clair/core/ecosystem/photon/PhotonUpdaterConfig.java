package io.clair.core.ecosystem.photon;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Configuration of the {@code photon} updater set, bound from {@code clair.updaters.photon.*} (Clair:
 * {@code updaters.config.photon}).
 *
 * @param url      the directory holding {@code cve_data_photon<release>.json}; default {@value #DEFAULT_URL}. Point
 *                 it at a mirror that copies the same file names.
 * @param releases Photon releases to fetch, written {@code N.0}; default 1.0 to 5.0
 */
public record PhotonUpdaterConfig(
        @JsonProperty("url") String url,
        @JsonProperty("releases") List<String> releases) {

    /** VMware's Photon CVE metadata directory (the data Photon's own security advisories page is built from). */
    public static final String DEFAULT_URL = "https://packages.vmware.com/photon/photon_cve_metadata/";
    public static final List<String> DEFAULT_RELEASES = List.of("1.0", "2.0", "3.0", "4.0", "5.0");

    public PhotonUpdaterConfig {
        url = url == null || url.isBlank() ? DEFAULT_URL : (url.endsWith("/") ? url : url + "/");
        releases = releases == null || releases.isEmpty() ? DEFAULT_RELEASES : List.copyOf(releases);
        for (String r : releases) {
            if (!r.matches("\\d+\\.0")) {
                throw new IllegalArgumentException("photon: configured release \"" + r + "\" is not N.0");
            }
        }
    }
}
