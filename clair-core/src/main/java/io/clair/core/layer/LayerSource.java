package io.clair.core.layer;

import io.clair.core.manifest.LayerDescriptor;
import java.io.IOException;

/** Turns a layer descriptor into a readable {@link Layer}: fetches, verifies and unpacks it. */
@FunctionalInterface
public interface LayerSource {

    /**
     * Opens the layer; the caller closes it.
     *
     * @throws IOException with a message naming the layer when it cannot be fetched, verified or read
     */
    Layer open(LayerDescriptor descriptor) throws IOException;
}
