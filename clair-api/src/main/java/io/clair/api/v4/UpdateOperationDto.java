package io.clair.api.v4;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** One recorded updater run. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UpdateOperationDto(
        @JsonProperty("ref") String ref,
        @JsonProperty("updater") String updater,
        @JsonProperty("fingerprint") String fingerprint,
        @JsonProperty("date") String date,
        @JsonProperty("kind") String kind) {
}
