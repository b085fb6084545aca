package io.clair.core.layer;

import io.clair.core.manifest.Digest;

/**
 * Why a layer could not be fetched or read: the message starts with {@code layer <digest>:} and then says what failed
 * (HTTP status, connection, digest mismatch, corrupt compression or tar, hostile paths, a limit). The layer's
 * temporary files are already gone when this is thrown.
 */
public class LayerException extends java.io.IOException {
    private static final long serialVersionUID = 1L;

    private final transient Digest layer;

    public LayerException(Digest layer, String problem) {
        super(prefix(layer) + problem);
        this.layer = layer;
    }

    public LayerException(Digest layer, String problem, Throwable cause) {
        super(prefix(layer) + problem, cause);
        this.layer = layer;
    }

    /** The layer this is about; null when unknown. */
    public Digest layer() {
        return layer;
    }

    private static String prefix(Digest layer) {
        return layer == null ? "layer: " : "layer " + layer + ": ";
    }
}
