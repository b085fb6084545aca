package io.clair.api.v4;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** One layer of a manifest; {@code headers} maps a header name to its values. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LayerDto(
        @JsonProperty("hash") String hash,
        @JsonProperty("uri") String uri,
        @JsonProperty("headers") Map<String, List<String>> headers,
        @JsonProperty("media_type") String mediaType) {
    public LayerDto {
        headers = headers == null ? Map.of() : headers;
    }
}
