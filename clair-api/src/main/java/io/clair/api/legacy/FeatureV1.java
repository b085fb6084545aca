package io.clair.api.legacy;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Clair v2's {@code Feature}: a package with the namespace it was found in and the layer that added it. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record FeatureV1(
        @JsonProperty("Name") String name,
        @JsonProperty("NamespaceName") String namespaceName,
        @JsonProperty("VersionFormat") String versionFormat,
        @JsonProperty("Version") String version,
        @JsonProperty("Vulnerabilities") List<VulnerabilityV1> vulnerabilities,
        @JsonProperty("AddedBy") String addedBy) {
}
