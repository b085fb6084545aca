package io.clair.core.image;

import com.fasterxml.jackson.databind.JsonNode;
import io.clair.core.manifest.Digest;
import io.clair.core.manifest.LayerDescriptor;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** The {@code manifest.json} of a {@code docker save} archive, and the OCI index Docker 25+ writes beside it. */
final class DockerArchiveManifest {
    private static final int MAX_DEPTH = 3;

    /** One image of {@code manifest.json}: its config and layer paths inside the archive. */
    record Entry(String config, List<String> repoTags, List<String> layers) {
    }

    private DockerArchiveManifest() {
    }

    /** The entry tagged {@code wanted}, or the only entry when {@code wanted} is null. */
    static Entry select(ArchiveTar tar, RegistryReference wanted, String what) throws IOException {
        byte[] bytes = tar.json("manifest.json");
        if (bytes == null) {
            throw new IOException(what + ": the archive has no manifest.json, so it is not a docker save archive"
                    + (tar.json("index.json") != null ? " (it looks like an OCI layout in a tar, which is not"
                    + " supported: unpack it and use oci:DIR)" : ""));
        }
        List<Entry> entries = new ArrayList<>();
        try {
            for (JsonNode e : ImageDocument.JSON.readTree(bytes)) {
                List<String> tags = new ArrayList<>();
                e.path("RepoTags").forEach(t -> tags.add(t.asText()));
                List<String> layers = new ArrayList<>();
                e.path("Layers").forEach(l -> layers.add(l.asText()));
                if (!e.path("Config").isTextual()) {
                    throw new IOException("an entry has no Config");
                }
                entries.add(new Entry(e.get("Config").asText(), List.copyOf(tags), List.copyOf(layers)));
            }
        } catch (IOException e) {
            throw new IOException(what + ": manifest.json is invalid: " + e.getMessage(), e);
        }
        if (entries.isEmpty()) {
            throw new IOException(what + ": manifest.json lists no images");
        }
        List<String> allTags = entries.stream().flatMap(e -> e.repoTags().stream()).toList();
        if (wanted == null) {
            if (entries.size() == 1) {
                return entries.get(0);
            }
            throw new IOException(what + ": the archive holds " + entries.size() + " images; name one as"
                    + " docker-archive:FILE:name:tag (tags: " + String.join(", ", allTags) + ")");
        }
        for (Entry e : entries) {
            for (String t : e.repoTags()) {
                if (sameImage(t, wanted)) {
                    return e;
                }
            }
        }
        throw new IOException(what + ": no image tagged " + wanted.canonical() + " in the archive (tags: "
                + (allTags.isEmpty() ? "none" : String.join(", ", allTags)) + ")");
    }

    /**
     * The digest of the archive's own OCI manifest for the image with config {@code configDigest}, found through
     * {@code index.json}; null when the archive has none (older Docker, skopeo).
     *
     * @throws IOException when that manifest names other layers than the ones extracted
     */
    static Digest ownManifest(ArchiveTar tar, Digest configDigest, List<LayerDescriptor> layers, String what)
            throws IOException {
        byte[] index = tar.json("index.json");
        if (index == null) {
            return null;
        }
        ImageDocument doc = ImageDocument.parse(index, MediaTypes.OCI_INDEX, what + " index.json");
        return doc instanceof ImageDocument.Index i ? find(tar, i, configDigest, layers, what, 0) : null;
    }

    private static Digest find(ArchiveTar tar, ImageDocument.Index index, Digest configDigest,
                               List<LayerDescriptor> layers, String what, int depth) throws IOException {
        for (Descriptor d : index.manifests()) {
            byte[] blob = tar.json("blobs/" + d.digest().algorithm() + "/" + d.digest().hex());
            if (blob == null || !d.digest().equals(Digest.of(d.digest().algorithm(), blob))) {
                continue; // not in the archive (a platform docker did not save) or not this digest
            }
            ImageDocument doc = ImageDocument.parse(blob, d.mediaType(), what + " manifest " + d.digest());
            if (doc instanceof ImageDocument.Image image && image.config().digest().equals(configDigest)) {
                List<Digest> named = image.layers().stream().map(Descriptor::digest).toList();
                List<Digest> stored = layers.stream().map(LayerDescriptor::hash).toList();
                if (!named.equals(stored)) {
                    throw new IOException(what + ": the archive's OCI manifest " + d.digest() + " names layers "
                            + named + " but manifest.json's layers are " + stored);
                }
                return d.digest();
            }
            if (doc instanceof ImageDocument.Index nested && depth < MAX_DEPTH) {
                Digest found = find(tar, nested, configDigest, layers, what, depth + 1);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static boolean sameImage(String repoTag, RegistryReference wanted) {
        try {
            RegistryReference r = RegistryReference.parse(repoTag);
            return r.registry().equals(wanted.registry()) && r.repository().equals(wanted.repository())
                    && java.util.Objects.equals(r.tag(), wanted.tag());
        } catch (IllegalArgumentException e) {
            return false; // a RepoTags entry Docker would not accept either
        }
    }
}
