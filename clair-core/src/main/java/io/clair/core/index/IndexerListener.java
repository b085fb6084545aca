package io.clair.core.index;

import io.clair.core.manifest.Digest;
import java.time.Duration;

/**
 * Events of an {@link Indexer}, for metrics and progress displays. Methods are called from indexing threads and must
 * return quickly; the defaults do nothing.
 */
public interface IndexerListener {
    IndexerListener NONE = new IndexerListener() { };

    /** A layer was downloaded and scanned because some scanner had no stored result for it. */
    default void layerFetched(Digest layer, Duration took) {
    }

    /** A layer's stored results were reused: nothing was downloaded. */
    default void layerReused(Digest layer) {
    }

    /** A manifest reached a terminal state. */
    default void manifestIndexed(Digest manifest, IndexState state, Duration took) {
    }
}
