package io.clair.core.layer;

import java.io.IOException;

/**
 * A failure of the network or file under the decompressor. Decompressors pass their source's exceptions through, so
 * this marks them on the way in: they must not be reported as corrupt compressed data.
 */
final class TransportException extends IOException {
    private static final long serialVersionUID = 1L;

    TransportException(String message, IOException cause) {
        super(message, cause);
    }
}
