package io.clair.core.ecosystem.rhel;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;

/**
 * Configuration of the {@code rhel-repository-scanner}, bound from the scanner's configuration tree (component name
 * {@value RhelRepositoryScanner#NAME}). With neither a file nor a URL the scanner makes no network access and finds
 * no repositories (Red Hat images are then matched by their distribution's CPE, as CentOS is).
 *
 * @param repo2cpeMappingFile a local copy of Red Hat's {@code repository-to-cpe.json}; read once, at the first scan
 *                            that needs it
 * @param repo2cpeMappingUrl  where to download the mapping (Red Hat publishes it at {@value #REDHAT_MAPPING_URL});
 *                            fetched at the first scan that needs it and again, conditionally, every
 *                            {@code refreshInterval}. With a file as well, the file serves until the first download
 *                            succeeds and whenever a refresh fails.
 * @param refreshInterval     how old a downloaded mapping may get; default 6 hours ({@code PT6H})
 */
public record RepositoryScannerConfig(
        @JsonProperty("repo2cpe_mapping_file") String repo2cpeMappingFile,
        @JsonProperty("repo2cpe_mapping_url") String repo2cpeMappingUrl,
        @JsonProperty("refresh_interval") Duration refreshInterval) {

    /** Red Hat's repository-to-CPE mapping, for operators who allow the scanner to reach it. */
    public static final String REDHAT_MAPPING_URL =
            "https://security.access.redhat.com/data/metrics/repository-to-cpe.json";
    public static final Duration DEFAULT_REFRESH = Duration.ofHours(6);

    public RepositoryScannerConfig {
        repo2cpeMappingFile = repo2cpeMappingFile == null || repo2cpeMappingFile.isBlank() ? "" : repo2cpeMappingFile;
        repo2cpeMappingUrl = repo2cpeMappingUrl == null || repo2cpeMappingUrl.isBlank() ? "" : repo2cpeMappingUrl;
        refreshInterval = refreshInterval == null ? DEFAULT_REFRESH : refreshInterval;
        if (refreshInterval.isNegative() || refreshInterval.isZero()) {
            throw new IllegalArgumentException("rhel-repository-scanner: refresh_interval must be positive");
        }
    }
}
