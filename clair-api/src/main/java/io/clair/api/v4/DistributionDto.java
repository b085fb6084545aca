package io.clair.api.v4;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A distribution with os-release field names. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DistributionDto(
        @JsonProperty("id") String id,
        @JsonProperty("did") String did,
        @JsonProperty("name") String name,
        @JsonProperty("version") String version,
        @JsonProperty("version_code_name") String versionCodeName,
        @JsonProperty("version_id") String versionId,
        @JsonProperty("arch") String arch,
        @JsonProperty("cpe") String cpe,
        @JsonProperty("pretty_name") String prettyName) {
}
