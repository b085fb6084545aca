package io.clair.core.ecosystem.suse;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Configuration of the {@code suse} updater set, bound from {@code clair.updaters.suse.*} (Clair:
 * {@code updaters.config.suse}).
 *
 * @param url      the OVAL directory; files are {@code <url><name>.xml.gz}. Default {@value #DEFAULT_URL}. Point it
 *                 at a mirror that copies the same layout.
 * @param releases base names of the files to fetch ({@code suse.linux.enterprise.server.15},
 *                 {@code opensuse.leap.15.6}); empty (the default) means "every SLES and Leap file the directory
 *                 index at {@code url} lists"
 */
public record SuseUpdaterConfig(
        @JsonProperty("url") String url,
        @JsonProperty("releases") List<String> releases) {

    /** SUSE's OVAL directory, an HTML index of {@code *.xml.gz} files. */
    public static final String DEFAULT_URL = "https://ftp.suse.com/pub/projects/security/oval/";

    public SuseUpdaterConfig {
        url = url == null || url.isBlank() ? DEFAULT_URL : (url.endsWith("/") ? url : url + "/");
        releases = releases == null ? List.of() : List.copyOf(releases);
    }
}
