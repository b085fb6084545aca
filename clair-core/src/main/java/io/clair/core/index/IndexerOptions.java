package io.clair.core.index;

/**
 * Tuning of an {@link Indexer}.
 *
 * @param layerConcurrency how many layers are fetched and scanned at once, across all manifests being indexed
 * @param listener         receives indexing events (metrics, progress); never null
 */
public record IndexerOptions(int layerConcurrency, IndexerListener listener) {
    public IndexerOptions {
        if (layerConcurrency < 1) {
            throw new IllegalArgumentException("indexer: layer concurrency must be at least 1");
        }
        listener = listener == null ? IndexerListener.NONE : listener;
    }

    public static IndexerOptions defaults() {
        return new IndexerOptions(Math.max(2, Runtime.getRuntime().availableProcessors()), IndexerListener.NONE);
    }

    public IndexerOptions withListener(IndexerListener l) {
        return new IndexerOptions(layerConcurrency, l);
    }
}
