package io.clair.core.scan;

/**
 * A scanner whose results are cached per (layer digest, {@link #name()}, {@link #version()}): a layer is scanned once
 * per scanner version and the result reused for every image that shares the layer.
 *
 * <p>Implementations MUST be stateless and thread-safe: one instance scans many layers concurrently.
 * Changing what a scanner finds MUST come with a new {@link #version()}, or stale cached results will be served.
 */
public sealed interface VersionedScanner permits PackageScanner, DistributionScanner, RepositoryScanner {

    /** Stable, persisted name, lowercase kebab case, unique across all plugins (for example {@code dpkg}). */
    String name();

    /** Version of this scanner's behaviour; persisted with every result. */
    String version();

    /** The persisted kind: {@code package}, {@code distribution} or {@code repository}. */
    default String kind() {
        if (this instanceof PackageScanner) {
            return "package";
        }
        if (this instanceof DistributionScanner) {
            return "distribution";
        }
        return "repository";
    }
}
