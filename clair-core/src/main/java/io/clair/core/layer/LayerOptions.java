package io.clair.core.layer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Limits and places for fetching layers. Every limit protects the indexer from one hostile or broken layer; a layer
 * that crosses one is rejected with a {@link LayerException} that names the limit.
 *
 * @param tempRoot             directory under which each fetched layer gets its own temporary folder (spool file
 *                             and extracted files); deleted again when the layer is closed or the fetch fails
 * @param maxDecompressedBytes largest decompressed (tar) size of one layer; guards against decompression bombs.
 *                             Default 16 GiB
 * @param maxEntries           most tar entries in one layer. Default 1,000,000 (large {@code node_modules} layers
 *                             hold a few hundred thousand)
 * @param maxFileSize          largest single file a layer may hold; bigger claims in a tar header are rejected
 *                             before any content is read. Default 8 GiB
 * @param maxTempBytes         most bytes that all open layers of one {@link LayerFetcher} may keep under
 *                             {@code tempRoot} together (spool files plus {@link Layer#localFile} copies). Default
 *                             64 GiB
 * @param requestTimeout       how long to wait for response headers, and the longest stall allowed between two
 *                             chunks of the body. Not a limit on the whole download, which grows with the layer.
 *                             Default 1 minute
 * @param allowFileUris        whether {@code file:} URIs are fetched. Needed to scan local images; a network-facing
 *                             indexer that takes manifests from clients should turn it off. Default true
 */
public record LayerOptions(Path tempRoot, long maxDecompressedBytes, long maxEntries, long maxFileSize,
                           long maxTempBytes, Duration requestTimeout, boolean allowFileUris) {

    public static final long GIB = 1L << 30;

    public LayerOptions {
        Objects.requireNonNull(tempRoot, "tempRoot");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        positive("maxDecompressedBytes", maxDecompressedBytes);
        positive("maxEntries", maxEntries);
        positive("maxFileSize", maxFileSize);
        positive("maxTempBytes", maxTempBytes);
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("layer: requestTimeout must be positive, got " + requestTimeout);
        }
    }

    /** The defaults described on the record, with temporary files under {@code java.io.tmpdir}. */
    public static LayerOptions defaults() {
        return defaults(Path.of(System.getProperty("java.io.tmpdir")));
    }

    /** The defaults described on the record, with temporary files under {@code tempRoot}. */
    public static LayerOptions defaults(Path tempRoot) {
        return new LayerOptions(tempRoot, 16 * GIB, 1_000_000, 8 * GIB, 64 * GIB, Duration.ofMinutes(1), true);
    }

    public LayerOptions withMaxDecompressedBytes(long v) {
        return new LayerOptions(tempRoot, v, maxEntries, maxFileSize, maxTempBytes, requestTimeout, allowFileUris);
    }

    public LayerOptions withMaxEntries(long v) {
        return new LayerOptions(tempRoot, maxDecompressedBytes, v, maxFileSize, maxTempBytes, requestTimeout,
                allowFileUris);
    }

    public LayerOptions withMaxFileSize(long v) {
        return new LayerOptions(tempRoot, maxDecompressedBytes, maxEntries, v, maxTempBytes, requestTimeout,
                allowFileUris);
    }

    public LayerOptions withMaxTempBytes(long v) {
        return new LayerOptions(tempRoot, maxDecompressedBytes, maxEntries, maxFileSize, v, requestTimeout,
                allowFileUris);
    }

    public LayerOptions withRequestTimeout(Duration v) {
        return new LayerOptions(tempRoot, maxDecompressedBytes, maxEntries, maxFileSize, maxTempBytes, v,
                allowFileUris);
    }

    public LayerOptions withAllowFileUris(boolean v) {
        return new LayerOptions(tempRoot, maxDecompressedBytes, maxEntries, maxFileSize, maxTempBytes,
                requestTimeout, v);
    }

    private static void positive(String name, long v) {
        if (v <= 0) {
            throw new IllegalArgumentException("layer: " + name + " must be positive, got " + v);
        }
    }
}
