package io.clair.core.index;

import io.clair.core.manifest.Digest;
import io.clair.core.manifest.LayerDescriptor;
import io.clair.core.manifest.Manifest;
import io.clair.core.store.IndexerStore;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Clair v2's layer model on top of the v4 indexer: each posted layer names its parent, and is indexed as the
 * manifest made of its ancestry, so its features are those of the layer and every ancestor, minus what they delete.
 * Layers are fetched without digest verification, because v2 layer names are identifiers chosen by the caller.
 */
public final class LegacyLayers {
    /** Deeper ancestries are refused: no image has thousands of layers, a loop would have infinitely many. */
    static final int MAX_DEPTH = 1000;

    private final IndexerStore store;
    private final Indexer indexer;

    /** @param indexer an indexer over {@code store} whose layer source does not verify digests */
    public LegacyLayers(IndexerStore store, Indexer indexer) {
        this.store = store;
        this.indexer = indexer;
    }

    /** A layer with its ancestry (base first, the layer itself last) and its index report. */
    public record View(LegacyLayer layer, List<LegacyLayer> ancestry, IndexReport report) {
    }

    /** The layer could be read but not processed: Clair v2 answers 422. */
    public static final class UnprocessableLayerException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public UnprocessableLayerException(String message) {
            super(message);
        }
    }

    /**
     * Indexes a layer on top of its parent.
     *
     * @throws IllegalArgumentException      for a bad request (no name or path, unknown parent, bad URI)
     * @throws UnprocessableLayerException   when the layer cannot be fetched or read
     */
    public View post(String name, String parentName, String path, Map<String, String> headers, String format) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("layer: Name is required");
        }
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("layer " + name + ": Path is required");
        }
        if (format != null && !format.isEmpty() && !format.equalsIgnoreCase("Docker")) {
            throw new UnprocessableLayerException("layer " + name + ": format " + format + " is not supported");
        }
        List<LegacyLayer> ancestry = new ArrayList<>();
        if (parentName != null && !parentName.isEmpty()) {
            LegacyLayer parent = store.legacyLayer(parentName).orElseThrow(() -> new IllegalArgumentException(
                    "layer " + name + ": parent layer " + parentName + " is unknown; post it first"));
            ancestry.addAll(ancestry(parent));
        }
        URI uri;
        try {
            uri = new URI(path);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("layer " + name + ": Path is not a URI: " + e.getMessage(), e);
        }
        Digest layerDigest = digestFor(name);
        List<String> names = new ArrayList<>();
        ancestry.forEach(l -> names.add(l.name()));
        names.add(name);
        Digest manifestDigest = Digest.of("sha256", ("legacy-manifest:" + String.join("\n", names))
                .getBytes(StandardCharsets.UTF_8));
        LegacyLayer layer = new LegacyLayer(name, parentName, path, headers, "Docker", layerDigest, manifestDigest);
        ancestry.add(layer);
        List<LayerDescriptor> descriptors = new ArrayList<>();
        for (LegacyLayer l : ancestry) {
            descriptors.add(descriptor(l));
        }
        IndexReport report = indexer.index(new Manifest(manifestDigest, descriptors));
        if (report.state() != IndexState.IndexFinished) {
            throw new UnprocessableLayerException(report.err().isEmpty() ? "layer " + name + " could not be processed"
                    : report.err());
        }
        store.saveLegacyLayer(layer);
        return new View(layer, List.copyOf(ancestry), report);
    }

    public Optional<View> get(String name) {
        return store.legacyLayer(name).map(l -> {
            IndexReport report = indexer.report(l.manifest()).orElse(IndexReport.empty(l.manifest(),
                    IndexState.IndexError));
            return new View(l, ancestry(l), report);
        });
    }

    /** Deletes a layer and every layer built on it; returns their names, empty when the layer is unknown. */
    public List<String> delete(String name) {
        Optional<LegacyLayer> root = store.legacyLayer(name);
        if (root.isEmpty()) {
            return List.of();
        }
        List<String> doomed = new ArrayList<>();
        List<Digest> manifests = new ArrayList<>();
        Deque<LegacyLayer> todo = new ArrayDeque<>(List.of(root.get()));
        Set<String> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            LegacyLayer l = todo.pop();
            if (!seen.add(l.name())) {
                continue;
            }
            doomed.add(l.name());
            manifests.add(l.manifest());
            for (String child : store.legacyChildren(l.name())) {
                store.legacyLayer(child).ifPresent(todo::push);
            }
        }
        store.deleteLegacyLayers(doomed);
        indexer.delete(manifests);
        return doomed;
    }

    /** The ancestry of {@code layer}, base first, ending with the layer itself. */
    private List<LegacyLayer> ancestry(LegacyLayer layer) {
        Deque<LegacyLayer> chain = new ArrayDeque<>();
        Set<String> seen = new HashSet<>();
        LegacyLayer cur = layer;
        while (cur != null) {
            if (!seen.add(cur.name()) || chain.size() >= MAX_DEPTH) {
                throw new UnprocessableLayerException("layer " + layer.name() + ": ancestry loops or is deeper than "
                        + MAX_DEPTH);
            }
            chain.addFirst(cur);
            cur = cur.parentName().isEmpty() ? null : store.legacyLayer(cur.parentName()).orElse(null);
        }
        return new ArrayList<>(chain);
    }

    private static LayerDescriptor descriptor(LegacyLayer l) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        l.headers().forEach((k, v) -> headers.put(k, List.of(v)));
        return new LayerDescriptor(l.layer(), URI.create(l.path()), headers, null);
    }

    /** The layer's name when it is a digest, else a digest derived from the name. */
    static Digest digestFor(String name) {
        try {
            return Digest.parse(name);
        } catch (IllegalArgumentException e) {
            return Digest.of("sha256", ("legacy-layer:" + name).getBytes(StandardCharsets.UTF_8));
        }
    }
}
