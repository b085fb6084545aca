package io.clair.core.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.luben.zstd.ZstdInputStream;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Writes an OCI image layout from real layer tarballs, as the 36-line Python writer in real-inputs.md does: each
 * layer file is stored unchanged as a blob (its media type told by its magic bytes: tar, gzip or zstd), with a
 * config whose {@code diff_ids} are the uncompressed digests. Images can be tagged directly or gathered into an
 * image index (for multi-platform tests). The result is what skopeo, umoci and registries accept.
 *
 * <pre>{@code
 * OciLayoutBuilder b = new OciLayoutBuilder(dir);
 * var amd64 = b.image("linux", "amd64", null, List.of(rootfsTarGz));
 * b.tag("3.20", amd64);
 * b.tag("multi", b.index(List.of(amd64, arm64)));
 * }</pre>
 */
public final class OciLayoutBuilder {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CREATED = "2024-01-01T00:00:00Z";

    /** A blob written to the layout, as a descriptor would describe it. */
    public record Blob(String mediaType, String digest, long size, String os, String architecture, String variant) {
    }

    private final Path dir;
    private final ArrayNode index = JSON.createArrayNode();

    /** Starts a layout in {@code dir} (created if needed) with {@code oci-layout} and an empty {@code index.json}. */
    public OciLayoutBuilder(Path dir) throws IOException {
        this.dir = dir;
        Files.createDirectories(dir.resolve("blobs/sha256"));
        Files.writeString(dir.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
        writeIndex();
    }

    /** Adds an image manifest (not yet tagged) whose layers are {@code layers}, base first. */
    public Blob image(String os, String architecture, String variant, List<Path> layers) throws IOException {
        ArrayNode layerDescs = JSON.createArrayNode();
        ArrayNode diffIds = JSON.createArrayNode();
        ArrayNode history = JSON.createArrayNode();
        for (Path layer : layers) {
            byte[] raw = Files.readAllBytes(layer);
            Blob b = put(mediaTypeOf(raw), raw);
            layerDescs.add(descriptor(b));
            diffIds.add(uncompressedDigest(layer));
            history.add(JSON.createObjectNode().put("created", CREATED).put("created_by",
                    "layer " + layer.getFileName()));
        }
        ObjectNode config = JSON.createObjectNode().put("created", CREATED).put("architecture", architecture)
                .put("os", os);
        if (variant != null) {
            config.put("variant", variant);
        }
        config.putObject("config").putArray("Cmd").add("/bin/sh");
        ObjectNode rootfs = config.putObject("rootfs").put("type", "layers");
        rootfs.set("diff_ids", diffIds);
        config.set("history", history);
        Blob cfg = put("application/vnd.oci.image.config.v1+json", JSON.writeValueAsBytes(config));
        ObjectNode manifest = JSON.createObjectNode().put("schemaVersion", 2)
                .put("mediaType", "application/vnd.oci.image.manifest.v1+json");
        manifest.set("config", descriptor(cfg));
        manifest.set("layers", layerDescs);
        Blob m = put("application/vnd.oci.image.manifest.v1+json", JSON.writeValueAsBytes(manifest));
        return new Blob(m.mediaType(), m.digest(), m.size(), os, architecture, variant);
    }

    /** Adds an OCI image index over {@code images}, each entry with its platform. */
    public Blob index(List<Blob> images) throws IOException {
        ObjectNode idx = JSON.createObjectNode().put("schemaVersion", 2)
                .put("mediaType", "application/vnd.oci.image.index.v1+json");
        ArrayNode manifests = idx.putArray("manifests");
        for (Blob image : images) {
            ObjectNode d = descriptor(image);
            ObjectNode platform = d.putObject("platform").put("architecture", image.architecture())
                    .put("os", image.os());
            if (image.variant() != null) {
                platform.put("variant", image.variant());
            }
            manifests.add(d);
        }
        return put("application/vnd.oci.image.index.v1+json", JSON.writeValueAsBytes(idx));
    }

    /** Lists {@code blob} in {@code index.json} under {@code org.opencontainers.image.ref.name = tag}. */
    public OciLayoutBuilder tag(String tag, Blob blob) throws IOException {
        ObjectNode d = descriptor(blob);
        d.putObject("annotations").put("org.opencontainers.image.ref.name", tag);
        index.add(d);
        writeIndex();
        return this;
    }

    /** The layout directory. */
    public Path dir() {
        return dir;
    }

    private void writeIndex() throws IOException {
        ObjectNode root = JSON.createObjectNode().put("schemaVersion", 2);
        root.set("manifests", index);
        Files.write(dir.resolve("index.json"), JSON.writeValueAsBytes(root));
    }

    private Blob put(String mediaType, byte[] bytes) throws IOException {
        String hex = HexFormat.of().formatHex(sha256().digest(bytes));
        Files.write(dir.resolve("blobs/sha256").resolve(hex), bytes);
        return new Blob(mediaType, "sha256:" + hex, bytes.length, null, null, null);
    }

    private static ObjectNode descriptor(Blob b) {
        return JSON.createObjectNode().put("mediaType", b.mediaType()).put("digest", b.digest()).put("size", b.size());
    }

    private static String mediaTypeOf(byte[] raw) {
        if (raw.length >= 2 && (raw[0] & 0xff) == 0x1f && (raw[1] & 0xff) == 0x8b) {
            return "application/vnd.oci.image.layer.v1.tar+gzip";
        }
        if (raw.length >= 4 && (raw[0] & 0xff) == 0x28 && (raw[1] & 0xff) == 0xb5) {
            return "application/vnd.oci.image.layer.v1.tar+zstd";
        }
        return "application/vnd.oci.image.layer.v1.tar";
    }

    /** The digest of the layer's tar stream, decompressed: its diff_id. */
    public static String uncompressedDigest(Path layer) throws IOException {
        MessageDigest md = sha256();
        try (InputStream in = decompressed(layer); var din = new DigestInputStream(in, md)) {
            din.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return "sha256:" + HexFormat.of().formatHex(md.digest());
    }

    /** {@code layer} decompressed (gzip or zstd by magic bytes, else as is). */
    public static InputStream decompressed(Path layer) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(layer));
        in.mark(4);
        byte[] head = in.readNBytes(4);
        in.reset();
        String mt = mediaTypeOf(head.length == 4 ? head : new byte[0]);
        return mt.endsWith("gzip") ? new GZIPInputStream(in) : mt.endsWith("zstd") ? new ZstdInputStream(in) : in;
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
