package io.clair.core.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clair.core.manifest.Digest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed image manifest or image index, in either the OCI or the Docker schema 2 spelling (they share field
 * names). Docker schema 1 and anything else is rejected with a message naming the document.
 */
sealed interface ImageDocument permits ImageDocument.Image, ImageDocument.Index {
    ObjectMapper JSON = new ObjectMapper();

    String mediaType();

    /** A single-platform image: a config blob and layers, base layer first. */
    record Image(String mediaType, Descriptor config, List<Descriptor> layers, String artifactType)
            implements ImageDocument {
        public Image {
            layers = List.copyOf(layers);
        }
    }

    /** A multi-platform index (OCI image index or Docker manifest list). */
    record Index(String mediaType, List<Descriptor> manifests) implements ImageDocument {
        public Index {
            manifests = List.copyOf(manifests);
        }
    }

    /**
     * Parses a manifest or index.
     *
     * @param contentType the HTTP Content-Type or descriptor media type, used when the document has no mediaType
     * @param what        names the document in errors, starting with the component: {@code "registry: manifest
     *                    of quay.io/x:1"}
     */
    static ImageDocument parse(byte[] bytes, String contentType, String what) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException(what + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IOException(what + " is not a JSON object");
        }
        String mt = text(root, "mediaType");
        if (mt == null) {
            String ct = MediaTypes.bare(contentType);
            mt = ct != null && (MediaTypes.isIndex(ct) || MediaTypes.isImageManifest(ct) || MediaTypes.isSchema1(ct))
                    ? ct
                    : root.has("manifests") ? MediaTypes.OCI_INDEX
                    : root.has("layers") ? MediaTypes.OCI_MANIFEST
                    : root.path("schemaVersion").asInt() == 1 ? MediaTypes.DOCKER_SCHEMA1 : ct;
        }
        if (MediaTypes.isSchema1(mt)) {
            throw new IOException(what + " is a Docker schema 1 manifest, which is not supported; push the image"
                    + " again with a current client (Docker schema 2 or OCI)");
        }
        if (MediaTypes.isIndex(mt)) {
            List<Descriptor> manifests = new ArrayList<>();
            for (JsonNode d : root.path("manifests")) {
                manifests.add(descriptor(d, what));
            }
            return new Index(mt, manifests);
        }
        if (MediaTypes.isImageManifest(mt)) {
            if (!root.path("config").isObject()) {
                throw new IOException(what + " has no config descriptor");
            }
            List<Descriptor> layers = new ArrayList<>();
            for (JsonNode d : root.path("layers")) {
                layers.add(descriptor(d, what));
            }
            return new Image(mt, descriptor(root.get("config"), what), layers, text(root, "artifactType"));
        }
        throw new IOException(what + " has unsupported media type " + (mt == null ? "(none)" : "\"" + mt + "\"")
                + "; expected an OCI or Docker schema 2 image manifest or index");
    }

    private static Descriptor descriptor(JsonNode d, String what) throws IOException {
        String digest = text(d, "digest");
        if (digest == null) {
            throw new IOException(what + " has a descriptor without a digest");
        }
        Digest parsed;
        try {
            parsed = Digest.parse(digest);
        } catch (IllegalArgumentException e) {
            throw new IOException(what + " has a descriptor with an invalid digest: " + e.getMessage(), e);
        }
        List<String> urls = new ArrayList<>();
        d.path("urls").forEach(u -> urls.add(u.asText()));
        Map<String, String> annotations = new LinkedHashMap<>();
        d.path("annotations").fields().forEachRemaining(e -> annotations.put(e.getKey(), e.getValue().asText()));
        Platform platform = null;
        JsonNode p = d.path("platform");
        if (text(p, "os") != null && text(p, "architecture") != null) {
            platform = new Platform(text(p, "os"), text(p, "architecture"), text(p, "variant"));
        }
        return new Descriptor(text(d, "mediaType"), parsed, d.path("size").asLong(-1), urls, annotations, platform);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || !v.isTextual() || v.asText().isEmpty() ? null : v.asText();
    }
}
