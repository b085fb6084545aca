package io.clair.api.legacy;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code {"Namespace": {...}}}. */
public record NamespaceEnvelope(@JsonProperty("Namespace") NamespaceV1 namespace) {
}
