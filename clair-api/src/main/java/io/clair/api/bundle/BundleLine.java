package io.clair.api.bundle;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.clair.api.v4.VulnerabilityDto;

/**
 * One line of Clair's updater bundle ({@code clairctl export-updaters}): a record and the update operation it
 * belongs to. Lines with the same {@code Ref} form one operation. Enrichment lines carry {@code Enrichment}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BundleLine(
        @JsonProperty("Updater") String updater,
        @JsonProperty("Fingerprint") String fingerprint,
        @JsonProperty("Date") String date,
        @JsonProperty("Kind") String kind,
        @JsonProperty("Ref") String ref,
        @JsonProperty("Vuln") VulnerabilityDto vuln,
        @JsonProperty("Enrichment") JsonNode enrichment) {
}
