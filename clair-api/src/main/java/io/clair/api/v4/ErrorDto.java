package io.clair.api.v4;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Clair's v4 error body. {@code code} is one of {@code bad-request}, {@code not-found}, {@code method-not-allowed},
 * {@code too-many-requests}, {@code unsupported-media-type}, {@code internal-error}.
 */
public record ErrorDto(@JsonProperty("code") String code, @JsonProperty("message") String message) {

    /** Clair's code for an HTTP status. */
    public static String codeFor(int status) {
        return switch (status) {
            case 400 -> "bad-request";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 412 -> "precondition-failed";
            case 413 -> "request-too-large";
            case 415 -> "unsupported-media-type";
            case 429 -> "too-many-requests";
            default -> status >= 500 ? "internal-error" : "bad-request";
        };
    }
}
