package io.clair.api.legacy;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A vulnerability namespace such as {@code debian:12} with the version format its data uses. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record NamespaceV1(@JsonProperty("Name") String name, @JsonProperty("VersionFormat") String versionFormat) {
}
