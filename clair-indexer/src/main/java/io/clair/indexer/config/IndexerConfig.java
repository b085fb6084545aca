package io.clair.indexer.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** The indexer's settings ({@code clair.indexer.*}; Clair's {@code indexer.*} keys map onto these). */
@ConfigMapping(prefix = "clair.indexer")
public interface IndexerConfig {

    /**
     * Index requests served at once; more get 429. 0 means four per CPU (Clair's default), a negative value means
     * no limit.
     */
    @WithDefault("0")
    int requestConcurrency();

    /** Layers fetched and scanned at once, across all requests. */
    @WithDefault("4")
    int layerScanConcurrency();

    /** Where layers are unpacked while they are scanned; defaults to {@code java.io.tmpdir}/clair-layers. */
    Optional<String> tempDir();

    /** Disk space all layers being scanned may use together, in bytes. */
    @WithDefault("68719476736")
    long maxTempBytes();

    /** A layer whose uncompressed content exceeds this many bytes is refused (decompression bombs). */
    @WithDefault("17179869184")
    long maxLayerBytes();

    /** Accept {@code file:} layer URIs (for local scans); a network-facing indexer should keep this off. */
    @WithDefault("false")
    boolean allowFileUris();

    /**
     * The matcher's base URL, for vulnerabilities in the legacy layer API when the matcher runs as its own service
     * (in the all-in-one process the local matcher is used).
     */
    Optional<String> matcherUrl();
}
