package io.clair.core.update;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clair.core.vuln.Fingerprint;

/**
 * What {@link HttpSource} remembers about one download: the validators the server gave (ETag, Last-Modified) and
 * the SHA-256 of the body. The validators make the next request conditional; the hash catches a server that sends
 * neither validator, or ignores them and resends the same bytes.
 *
 * <p>Stored inside a {@link Fingerprint} as a small JSON object. Any fingerprint this class did not write (an empty
 * one, or one from an older format) decodes to {@link #NONE}, which simply means "download unconditionally".
 *
 * @param etag         the {@code ETag} response header, verbatim (quotes and weak prefix included), or {@code ""}
 * @param lastModified the {@code Last-Modified} response header, verbatim, or {@code ""}
 * @param sha256       lowercase hex SHA-256 of the downloaded bytes, or {@code ""}
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record HttpFingerprint(
        @JsonProperty("etag") String etag,
        @JsonProperty("last_modified") String lastModified,
        @JsonProperty("sha256") String sha256) {

    public static final HttpFingerprint NONE = new HttpFingerprint("", "", "");

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public HttpFingerprint {
        etag = etag == null ? "" : etag;
        lastModified = lastModified == null ? "" : lastModified;
        sha256 = sha256 == null ? "" : sha256;
    }

    /** Reads a fingerprint written by {@link #encode}; anything else is {@link #NONE}. */
    public static HttpFingerprint decode(Fingerprint fp) {
        if (fp == null || fp.isNone() || !fp.value().startsWith("{")) {
            return NONE;
        }
        try {
            return JSON.readValue(fp.value(), HttpFingerprint.class);
        } catch (JsonProcessingException e) {
            return NONE;
        }
    }

    public Fingerprint encode() {
        try {
            return new Fingerprint(JSON.writeValueAsString(this));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("fingerprint: cannot encode " + this, e);
        }
    }
}
