package io.clair.api.legacy;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code {"Layer": {...}}}, the body of {@code POST /api/v1/layers} and of layer responses. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LayerEnvelope(@JsonProperty("Layer") LayerV1 layer, @JsonProperty("Error") ErrorV1 error) {
    public LayerEnvelope(LayerV1 layer) {
        this(layer, null);
    }
}
