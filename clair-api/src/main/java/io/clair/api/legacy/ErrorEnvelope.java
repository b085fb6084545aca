package io.clair.api.legacy;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Clair v2's error body, {@code {"Error": {"Message": "..."}}}. */
public record ErrorEnvelope(@JsonProperty("Error") ErrorV1 error) {
    public static ErrorEnvelope of(String message) {
        return new ErrorEnvelope(new ErrorV1(message));
    }
}
