package io.clair.core.image;

import io.clair.core.manifest.Digest;
import java.util.List;
import java.util.Map;

/**
 * An OCI content descriptor: what a manifest or index says about a blob it points to.
 *
 * @param mediaType   may be null in old documents
 * @param digest      the blob's digest
 * @param size        the blob's size in bytes, or -1 when absent
 * @param urls        alternative locations (foreign layers only); never null
 * @param annotations never null
 * @param platform    only on index entries; null elsewhere or when absent
 */
record Descriptor(String mediaType, Digest digest, long size, List<String> urls, Map<String, String> annotations,
                  Platform platform) {
    static final String REF_NAME = "org.opencontainers.image.ref.name";

    Descriptor {
        urls = urls == null ? List.of() : List.copyOf(urls);
        annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
    }

    /** The {@code org.opencontainers.image.ref.name} annotation (the tag in an OCI layout), or null. */
    String refName() {
        return annotations.get(REF_NAME);
    }
}
