package io.clair.core.vuln;

/**
 * Opaque state an updater keeps between runs (an ETag, a Last-Modified date, a content hash) so that an unchanged
 * source is detected with one conditional request. {@link #NONE} means "never fetched".
 */
public record Fingerprint(String value) {
    public static final Fingerprint NONE = new Fingerprint("");

    public Fingerprint {
        value = value == null ? "" : value;
    }

    public boolean isNone() {
        return value.isEmpty();
    }
}
