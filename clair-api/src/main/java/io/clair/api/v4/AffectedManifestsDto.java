package io.clair.api.v4;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** Which indexed manifests the given vulnerabilities affect; manifest digest to vulnerability ids, worst first. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AffectedManifestsDto(
        @JsonProperty("vulnerabilities") Map<String, VulnerabilityDto> vulnerabilities,
        @JsonProperty("vulnerable_manifests") Map<String, List<String>> vulnerableManifests) {
    public AffectedManifestsDto {
        vulnerabilities = vulnerabilities == null ? Map.of() : vulnerabilities;
        vulnerableManifests = vulnerableManifests == null ? Map.of() : vulnerableManifests;
    }
}
