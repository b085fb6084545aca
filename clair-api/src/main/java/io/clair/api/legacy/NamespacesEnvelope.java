package io.clair.api.legacy;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** {@code {"Namespaces": [...]}}. */
public record NamespacesEnvelope(@JsonProperty("Namespaces") List<NamespaceV1> namespaces) {
}
