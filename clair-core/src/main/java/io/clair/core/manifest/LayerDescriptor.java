package io.clair.core.manifest;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One layer of a manifest: where to fetch it, which headers to send, and its digest.
 *
 * @param hash      digest of the layer blob as stored (compressed bytes), verified while fetching
 * @param uri       where to fetch the blob ({@code http}, {@code https} or {@code file})
 * @param headers   request headers, each with one or more values (Clair's {@code map[string][]string})
 * @param mediaType optional media type; when null the fetcher decides from the response and magic bytes
 */
public record LayerDescriptor(Digest hash, URI uri, Map<String, List<String>> headers, String mediaType) {
    public LayerDescriptor {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(uri, "uri");
        Map<String, List<String>> copy = new LinkedHashMap<>();
        if (headers != null) {
            headers.forEach((k, v) -> copy.put(k, v == null ? List.of() : List.copyOf(v)));
        }
        headers = java.util.Collections.unmodifiableMap(copy);
    }

    public LayerDescriptor(Digest hash, URI uri) {
        this(hash, uri, Map.of(), null);
    }
}
