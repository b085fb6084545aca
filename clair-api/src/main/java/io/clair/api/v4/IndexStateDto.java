package io.clair.api.v4;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Response of {@code GET /indexer/api/v1/index_state}: a hash of the indexer's scanner set. */
public record IndexStateDto(@JsonProperty("state") String state) {
}
