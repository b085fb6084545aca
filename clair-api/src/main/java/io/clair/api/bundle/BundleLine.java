package io.clair.api.bundle;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.clair.api.v4.VulnerabilityDto;
import java.util.List;
import java.util.Map;

/**
 * One line of Clair's updater bundle ({@code clairctl export-updaters}): a record and the update operation it
 * belongs to. Lines with the same {@code Ref} form one operation. A line of {@code Kind} {@code vulnerability}
 * carries {@code Vuln}; one of kind {@code enrichment} carries {@code Enrichment}.
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
        @JsonProperty("Enrichment") EnrichmentRecord enrichment) {

    /** claircore's {@code EnrichmentRecord}: the lookup tags and the JSON object they file. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record EnrichmentRecord(
            @JsonProperty("Tags") List<String> tags,
            @JsonProperty("Enrichment") Map<String, Object> enrichment) {
    }
}
