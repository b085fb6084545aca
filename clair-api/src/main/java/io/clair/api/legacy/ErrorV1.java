package io.clair.api.legacy;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The message part of Clair v2's error envelope. */
public record ErrorV1(@JsonProperty("Message") String message) {
}
