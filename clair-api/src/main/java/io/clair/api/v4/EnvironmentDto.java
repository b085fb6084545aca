package io.clair.api.v4;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Where a package was found: package database, introducing layer, distribution and repositories by report id. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EnvironmentDto(
        @JsonProperty("package_db") String packageDb,
        @JsonProperty("introduced_in") String introducedIn,
        @JsonProperty("distribution_id") String distributionId,
        @JsonProperty("repository_ids") List<String> repositoryIds) {
    public EnvironmentDto {
        repositoryIds = repositoryIds == null ? List.of() : repositoryIds;
    }
}
