package io.clair.api.v4;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A package as claircore serializes it: {@code kind} lowercase, {@code source} and {@code module}/{@code arch}
 * left out when empty, {@code normalized_version} and {@code cpe} always present (possibly {@code ""}).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PackageDto(
        @JsonProperty("id") String id,
        @JsonProperty("name") String name,
        @JsonProperty("version") String version,
        @JsonProperty("kind") String kind,
        @JsonProperty("source") PackageDto source,
        @JsonProperty("normalized_version") String normalizedVersion,
        @JsonProperty("module") @JsonInclude(JsonInclude.Include.NON_EMPTY) String module,
        @JsonProperty("arch") @JsonInclude(JsonInclude.Include.NON_EMPTY) String arch,
        @JsonProperty("cpe") String cpe) {
}
