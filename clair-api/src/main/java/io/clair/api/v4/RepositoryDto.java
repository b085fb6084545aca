package io.clair.api.v4;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A package repository. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RepositoryDto(
        @JsonProperty("id") String id,
        @JsonProperty("name") String name,
        @JsonProperty("key") String key,
        @JsonProperty("uri") String uri,
        @JsonProperty("cpe") String cpe) {
}
