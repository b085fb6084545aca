package io.clair.core.image;

import io.clair.core.manifest.Digest;
import io.clair.core.manifest.LayerDescriptor;
import io.clair.core.manifest.Manifest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolves an image in an OCI image layout directory ({@code oci-layout}, {@code index.json},
 * {@code blobs/<alg>/<hex>}). The image is the {@code index.json} entry whose
 * {@code org.opencontainers.image.ref.name} is the tag; without a tag, the only entry, else the one named
 * {@code latest}. Indexes (nested, or several entries sharing the tag) are followed to the requested platform.
 * Layers are {@code file:} URIs of the blobs, which the fetcher verifies while reading; the manifest blobs on the
 * way are verified here.
 */
final class OciLayoutSource {
    private static final Logger log = LoggerFactory.getLogger(OciLayoutSource.class);
    private static final int MAX_DEPTH = 4;

    private final Platform platform;

    OciLayoutSource(Platform platform) {
        this.platform = Objects.requireNonNull(platform, "platform");
    }

    ResolvedImage resolve(OciLayoutReference ref) throws IOException {
        Path dir = ref.directory();
        String what = "oci layout: " + ref.canonical();
        if (!Files.isDirectory(dir)) {
            throw new IOException("oci layout: " + dir + " is not a directory");
        }
        if (!Files.isRegularFile(dir.resolve("oci-layout"))) {
            throw new IOException("oci layout: " + dir + " has no oci-layout file, so it is not an OCI image layout");
        }
        byte[] indexJson = read(dir.resolve("index.json"), what);
        if (!(ImageDocument.parse(indexJson, MediaTypes.OCI_INDEX, what + " index.json")
                instanceof ImageDocument.Index top)) {
            throw new IOException(what + ": index.json is not an image index");
        }
        Descriptor desc = pick(top, ref.tag(), what);
        for (int depth = 0; ; depth++) {
            byte[] blob = readBlob(dir, desc, what);
            ImageDocument doc = ImageDocument.parse(blob, desc.mediaType(), what + " manifest " + desc.digest());
            if (doc instanceof ImageDocument.Image image) {
                List<LayerDescriptor> layers = ImageLayers.of(image, what, d -> layer(dir, d, what));
                Manifest manifest = new Manifest(desc.digest(), layers);
                log.atInfo().addKeyValue("reference", ref.canonical()).addKeyValue("manifest", manifest.hash())
                        .addKeyValue("layers", layers.size()).log("oci layout: resolved image");
                return ResolvedImage.of(manifest, ref.canonical());
            }
            if (depth >= MAX_DEPTH) {
                throw new IOException(what + ": indexes nested deeper than " + MAX_DEPTH);
            }
            desc = PlatformSelection.select((ImageDocument.Index) doc, platform, what);
        }
    }

    private Descriptor pick(ImageDocument.Index index, String tag, String what) throws IOException {
        List<Descriptor> all = index.manifests();
        if (all.isEmpty()) {
            throw new IOException(what + ": index.json lists no images");
        }
        List<Descriptor> matches = new ArrayList<>();
        String wanted = tag != null ? tag : all.size() == 1 ? null : "latest";
        for (Descriptor d : all) {
            if (wanted == null || wanted.equals(d.refName())) {
                matches.add(d);
            }
        }
        if (matches.isEmpty()) {
            List<String> tags = all.stream().map(Descriptor::refName).filter(Objects::nonNull).distinct().toList();
            throw new IOException(tag != null
                    ? what + ": no image tagged \"" + tag + "\"; the layout has " + describe(tags)
                    : what + ": the layout holds " + all.size() + " images and none is tagged \"latest\"; name one"
                            + " as oci:DIR:tag (" + describe(tags) + ")");
        }
        if (matches.size() == 1) {
            return matches.get(0);
        }
        // several entries share the tag (one per platform, as some tools write them): choose like an index
        return PlatformSelection.select(new ImageDocument.Index(MediaTypes.OCI_INDEX, matches), platform, what);
    }

    private static LayerDescriptor layer(Path dir, Descriptor d, String what) throws IOException {
        Path blob = blobPath(dir, d.digest());
        if (!Files.isRegularFile(blob)) {
            throw new IOException(what + ": layer blob " + d.digest() + " is missing (" + blob + ")");
        }
        return new LayerDescriptor(d.digest(), blob.toUri(), Map.of(), d.mediaType());
    }

    private static byte[] readBlob(Path dir, Descriptor d, String what) throws IOException {
        byte[] bytes = read(blobPath(dir, d.digest()), what);
        if (!d.digest().equals(Digest.of(d.digest().algorithm(), bytes))) {
            throw new IOException(what + ": blob " + d.digest() + " does not match its digest");
        }
        return bytes;
    }

    private static Path blobPath(Path dir, Digest digest) {
        return dir.resolve("blobs").resolve(digest.algorithm()).resolve(digest.hex());
    }

    private static byte[] read(Path file, String what) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(RegistryHttp.MAX_BODY + 1);
            if (bytes.length > RegistryHttp.MAX_BODY) {
                throw new IOException(what + ": " + file + " is larger than a manifest can be");
            }
            return bytes;
        } catch (NoSuchFileException e) {
            throw new IOException(what + ": " + file + " is missing", e);
        }
    }

    private static String describe(List<String> tags) {
        return tags.isEmpty() ? "no tagged images" : "tags " + String.join(", ", tags);
    }
}
