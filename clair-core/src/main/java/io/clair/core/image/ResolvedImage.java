package io.clair.core.image;

import io.clair.core.manifest.Manifest;
import java.io.IOException;
import java.util.Objects;

/**
 * An image reference resolved into the {@link Manifest} Clair indexes, plus whatever keeps its layer URIs valid.
 *
 * <p>Close it when the manifest has been indexed: for a {@code docker-archive:} image that deletes the layers
 * extracted to a temporary directory, after which the manifest's {@code file:} URIs dangle. Registry and OCI layout
 * images hold nothing, and closing them is a no-op. Closing twice is harmless.
 *
 * @param manifest  the image manifest digest and its layers, base layer first
 * @param reference the normalized reference that was resolved ({@link ImageReference#canonical()})
 * @param resources released by {@link #close()}
 */
public record ResolvedImage(Manifest manifest, String reference, AutoCloseable resources) implements AutoCloseable {
    public ResolvedImage {
        Objects.requireNonNull(manifest, "manifest");
        Objects.requireNonNull(reference, "reference");
        resources = resources == null ? () -> { } : resources;
    }

    /** An image that holds no resources. */
    public static ResolvedImage of(Manifest manifest, String reference) {
        return new ResolvedImage(manifest, reference, null);
    }

    @Override
    public void close() throws IOException {
        try {
            resources.close();
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("image: releasing " + reference + " failed: " + e.getMessage(), e);
        }
    }
}
