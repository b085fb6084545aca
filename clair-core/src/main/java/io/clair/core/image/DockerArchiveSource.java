package io.clair.core.image;

import com.fasterxml.jackson.databind.JsonNode;
import io.clair.core.manifest.Digest;
import io.clair.core.manifest.LayerDescriptor;
import io.clair.core.manifest.Manifest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolves an image in a {@code docker save} archive (either layout: {@code <id>/layer.tar} and {@code <id>.json}
 * from older Docker and skopeo, or {@code blobs/sha256/<hex>} from Docker 25+). The layers are extracted to a fresh
 * temporary directory that the returned {@link ResolvedImage} deletes when closed, and are referenced by
 * {@code file:} URIs; each layer's digest is the SHA-256 of the file as stored. Every layer is checked against the
 * config's {@code rootfs.diff_ids} (decompressing it first if it is stored compressed).
 *
 * <p>The manifest digest: an archive that carries its own OCI manifest for the image (Docker 25+ writes
 * {@code index.json}) keeps that manifest's digest. Otherwise it is the SHA-256 of the Docker schema 2 manifest
 * that containers/image (skopeo, podman) derives from the archive, byte for byte, so
 * {@code skopeo inspect --raw docker-archive:FILE | sha256sum} gives the same digest, and the same archive always
 * gets the same digest.
 */
final class DockerArchiveSource {
    private static final Logger log = LoggerFactory.getLogger(DockerArchiveSource.class);

    private final Path tempRoot;

    DockerArchiveSource(Path tempRoot) {
        this.tempRoot = tempRoot;
    }

    ResolvedImage resolve(DockerArchiveReference ref) throws IOException {
        String what = "docker archive: " + ref.canonical();
        ArchiveTar tar = ArchiveTar.index(ref.file(), what);
        DockerArchiveManifest.Entry entry = DockerArchiveManifest.select(tar, ref.image(), what);
        byte[] config = tar.json(entry.config());
        if (config == null) {
            throw new IOException(what + ": config " + entry.config() + " is missing or not JSON");
        }
        Digest configDigest = Digest.of("sha256", config);
        List<Digest> diffIds = diffIds(config, what);
        if (diffIds.size() != entry.layers().size()) {
            throw new IOException(what + ": manifest.json lists " + entry.layers().size() + " layers but the config"
                    + " has " + diffIds.size() + " diff_ids");
        }
        Path dir = Files.createTempDirectory(tempRoot, "clair-docker-archive-");
        try {
            var extracted = tar.extract(new LinkedHashSet<>(entry.layers()), dir);
            List<LayerDescriptor> layers = new ArrayList<>();
            StringBuilder schema2 = new StringBuilder("{\"schemaVersion\":2,\"mediaType\":\"")
                    .append(MediaTypes.DOCKER_MANIFEST).append("\",\"config\":{\"mediaType\":\"")
                    .append(MediaTypes.DOCKER_CONFIG).append("\",\"size\":").append(config.length)
                    .append(",\"digest\":\"").append(configDigest).append("\"},\"layers\":[");
            for (int i = 0; i < diffIds.size(); i++) {
                ArchiveTar.Extracted layer = extracted.get(entry.layers().get(i));
                Compression compression = Compression.sniff(layer.file());
                Uncompressed plain = compression == Compression.NONE
                        ? new Uncompressed(layer.digest(), layer.size()) : uncompressed(layer.file());
                Digest diffId = plain.digest();
                if (!diffId.equals(diffIds.get(i))) {
                    throw new IOException(what + ": layer " + (i + 1) + " (" + entry.layers().get(i) + ") has diff_id "
                            + diffId + " but the config says " + diffIds.get(i));
                }
                layers.add(new LayerDescriptor(layer.digest(), layer.file().toUri(), Map.of(),
                        compression.layerMediaType));
                // containers/image describes every layer by its diff_id, uncompressed size and this media type
                schema2.append(i == 0 ? "" : ",").append("{\"mediaType\":\"")
                        .append(MediaTypes.DOCKER_LAYER_GZIP).append("\",\"size\":").append(plain.size())
                        .append(",\"digest\":\"").append(diffId).append("\"}");
            }
            schema2.append("]}");
            Digest own = DockerArchiveManifest.ownManifest(tar, configDigest, layers, what);
            Digest digest = own != null ? own
                    : Digest.of("sha256", schema2.toString().getBytes(StandardCharsets.UTF_8));
            Manifest manifest = new Manifest(digest, layers);
            log.atInfo().addKeyValue("reference", ref.canonical()).addKeyValue("manifest", digest)
                    .addKeyValue("layers", layers.size()).addKeyValue("ownManifest", own != null)
                    .addKeyValue("dir", dir).log("docker archive: resolved image");
            return new ResolvedImage(manifest, ref.canonical(), () -> TempFiles.deleteTree(dir));
        } catch (IOException | RuntimeException e) {
            TempFiles.deleteQuietly(dir, e);
            throw e;
        }
    }

    private static List<Digest> diffIds(byte[] config, String what) throws IOException {
        List<Digest> out = new ArrayList<>();
        try {
            for (JsonNode d : ImageDocument.JSON.readTree(config).path("rootfs").path("diff_ids")) {
                out.add(Digest.parse(d.asText()));
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new IOException(what + ": the image config is invalid: " + e.getMessage(), e);
        }
        return out;
    }

    /** The digest and size of a layer's tar stream: its diff_id. */
    private record Uncompressed(Digest digest, long size) {
    }

    private static Uncompressed uncompressed(Path file) throws IOException {
        MessageDigest md = ArchiveTar.sha256();
        long size;
        try (InputStream in = Compression.open(file);
             OutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), md)) {
            size = in.transferTo(out);
        }
        return new Uncompressed(new Digest("sha256", HexFormat.of().formatHex(md.digest())), size);
    }
}
