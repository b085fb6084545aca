package io.clair.api.v4;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Request body of {@code POST /indexer/api/v1/index_report}: a manifest digest and its layers. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ManifestDto(@JsonProperty("hash") String hash, @JsonProperty("layers") List<LayerDto> layers) {
    public ManifestDto {
        layers = layers == null ? List.of() : layers;
    }
}
