package io.clair.api.v4;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Request body of the internal affected-manifest lookup. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AffectedManifestsRequestDto(@JsonProperty("vulnerabilities") List<VulnerabilityDto> vulnerabilities) {
    public AffectedManifestsRequestDto {
        vulnerabilities = vulnerabilities == null ? List.of() : vulnerabilities;
    }
}
