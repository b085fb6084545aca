package io.clair.api.v4;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * Response of the indexer. Note Clair's key {@code repository} (singular). Maps are never null on the wire, because
 * Quay validates them as objects and requires {@code success} and {@code err}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record IndexReportDto(
        @JsonProperty("manifest_hash") String manifestHash,
        @JsonProperty("state") String state,
        @JsonProperty("packages") Map<String, PackageDto> packages,
        @JsonProperty("distributions") Map<String, DistributionDto> distributions,
        @JsonProperty("repository") Map<String, RepositoryDto> repository,
        @JsonProperty("environments") Map<String, List<EnvironmentDto>> environments,
        @JsonProperty("success") boolean success,
        @JsonProperty("err") String err) {
    public IndexReportDto {
        packages = packages == null ? Map.of() : packages;
        distributions = distributions == null ? Map.of() : distributions;
        repository = repository == null ? Map.of() : repository;
        environments = environments == null ? Map.of() : environments;
        err = err == null ? "" : err;
    }
}
