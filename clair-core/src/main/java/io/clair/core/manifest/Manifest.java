package io.clair.core.manifest;

import java.util.List;
import java.util.Objects;

/**
 * What the indexer is asked to index: an image manifest digest and its layers in order, base layer first.
 */
public record Manifest(Digest hash, List<LayerDescriptor> layers) {
    public Manifest {
        Objects.requireNonNull(hash, "hash");
        layers = layers == null ? List.of() : List.copyOf(layers);
    }
}
