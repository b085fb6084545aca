package io.clair.api.legacy;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** Clair v2's {@code Layer} (PascalCase keys, empty values left out). */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record LayerV1(
        @JsonProperty("Name") String name,
        @JsonProperty("NamespaceName") String namespaceName,
        @JsonProperty("Path") String path,
        @JsonProperty("Headers") Map<String, String> headers,
        @JsonProperty("ParentName") String parentName,
        @JsonProperty("Format") String format,
        @JsonProperty("IndexedByVersion") Integer indexedByVersion,
        @JsonProperty("Features") List<FeatureV1> features) {
}
