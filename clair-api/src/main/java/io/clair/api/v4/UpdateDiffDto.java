package io.clair.api.v4;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** What changed between two update operations. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UpdateDiffDto(
        @JsonProperty("prev") UpdateOperationDto prev,
        @JsonProperty("cur") UpdateOperationDto cur,
        @JsonProperty("added") List<VulnerabilityDto> added,
        @JsonProperty("removed") List<VulnerabilityDto> removed) {
    public UpdateDiffDto {
        added = added == null ? List.of() : added;
        removed = removed == null ? List.of() : removed;
    }
}
