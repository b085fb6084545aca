package io.clair.core.ecosystem.rhel;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clair.core.update.HttpFingerprint;
import io.clair.core.vuln.Fingerprint;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * What the VEX updater remembers between runs: which spool format it wrote, the time up to which changes are
 * already in the data ({@code since}: changes listed at or after it are fetched next time), and the validators of
 * {@code changes.csv} and {@code deletions.csv}, so that an unchanged feed costs two conditional requests.
 *
 * <p>Stored in a {@link Fingerprint} as a small JSON object. Anything this class did not write, or a fingerprint of
 * another {@link #VERSION}, decodes to {@link #NONE}, which makes the next run a full load.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record VexFingerprint(
        @JsonProperty("version") String version,
        @JsonProperty("since") String since,
        @JsonProperty("changes") HttpFingerprint changes,
        @JsonProperty("deletions") HttpFingerprint deletions) {

    /** Bump when the records produced from the same documents change, so that every site reloads in full. */
    static final String VERSION = "1";
    static final VexFingerprint NONE = new VexFingerprint("", "", HttpFingerprint.NONE, HttpFingerprint.NONE);

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    VexFingerprint {
        version = version == null ? "" : version;
        since = since == null ? "" : since;
        changes = changes == null ? HttpFingerprint.NONE : changes;
        deletions = deletions == null ? HttpFingerprint.NONE : deletions;
    }

    /** True when this fingerprint allows a delta run. */
    boolean usable() {
        return VERSION.equals(version) && sinceInstant() != null;
    }

    Instant sinceInstant() {
        try {
            return since.isEmpty() ? null : Instant.parse(since);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static VexFingerprint decode(Fingerprint fp) {
        if (fp == null || fp.isNone() || !fp.value().startsWith("{")) {
            return NONE;
        }
        try {
            VexFingerprint v = JSON.readValue(fp.value(), VexFingerprint.class);
            return v.usable() ? v : NONE;
        } catch (JsonProcessingException e) {
            return NONE;
        }
    }

    Fingerprint encode() {
        try {
            return new Fingerprint(JSON.writeValueAsString(this));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("rhel-vex: cannot encode fingerprint " + this, e);
        }
    }
}
