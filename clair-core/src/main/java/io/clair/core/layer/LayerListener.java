package io.clair.core.layer;

import io.clair.core.manifest.Digest;
import java.net.URI;

/**
 * Progress and outcome of layer fetches, for progress bars and download metrics. Calls come from the fetching
 * threads ({@link #progress} from the reader thread of a fetch); implementations must be quick and must not throw
 * (what they throw is logged and ignored). URIs are passed with their query removed, since pre-signed blob URLs
 * carry credentials there.
 */
public interface LayerListener {

    /** A listener that ignores everything. */
    LayerListener NONE = new LayerListener() {
    };

    /** The response has started; {@code totalBytes} is the Content-Length (or file size), -1 when unknown. */
    default void started(Digest layer, URI uri, long totalBytes) {
    }

    /** Raw (compressed) bytes received so far; called at most about once per mebibyte and at the end. */
    default void progress(Digest layer, long bytesRead, long totalBytes) {
    }

    /** The layer was fetched, verified and indexed. */
    default void finished(Digest layer, long compressedBytes, long decompressedBytes, long entries, long nanos) {
    }

    /** The fetch failed; temporary files are already removed. */
    default void failed(Digest layer, LayerException error) {
    }
}
