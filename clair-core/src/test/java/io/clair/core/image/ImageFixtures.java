package io.clair.core.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clair.core.manifest.LayerDescriptor;
import io.clair.core.testing.OciLayoutBuilder;
import io.clair.core.testing.TestData;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Images built from the shared Alpine minirootfs tarballs, and helpers to check resolved layers. */
final class ImageFixtures {
    static final ObjectMapper JSON = new ObjectMapper();

    /**
     * An OCI layout holding {@code 3.20} (linux/amd64, the 3.20.3 minirootfs as its one gzip layer), {@code 3.6}
     * (labelled linux/arm64/v8 and built from the 3.6.5 minirootfs, so the two platforms differ in content; the
     * binaries are x86_64, which platform selection never looks at) and {@code multi}, an OCI index of both.
     */
    record Layout(Path dir, OciLayoutBuilder.Blob amd64, OciLayoutBuilder.Blob arm64, OciLayoutBuilder.Blob index) {
    }

    private ImageFixtures() {
    }

    static Path alpine320() {
        return TestData.path("alpine/alpine-minirootfs-3.20.3-x86_64.tar.gz");
    }

    static Path alpine365() {
        return TestData.path("alpine/alpine-minirootfs-3.6.5-x86_64.tar.gz");
    }

    static Layout layout(Path dir) throws IOException {
        OciLayoutBuilder b = new OciLayoutBuilder(dir);
        OciLayoutBuilder.Blob amd64 = b.image("linux", "amd64", null, List.of(alpine320()));
        OciLayoutBuilder.Blob arm64 = b.image("linux", "arm64", "v8", List.of(alpine365()));
        OciLayoutBuilder.Blob index = b.index(List.of(amd64, arm64));
        b.tag("3.20", amd64).tag("3.6", arm64).tag("multi", index);
        return new Layout(dir, amd64, arm64, index);
    }

    /** The digest of what a fetcher reads at the layer's URI, sending the layer's headers. */
    static String fetchedDigest(LayerDescriptor layer, HttpClient http) throws IOException, InterruptedException {
        if (layer.uri().getScheme().equals("file")) {
            try (InputStream in = Files.newInputStream(Path.of(layer.uri()))) {
                return digest(in);
            }
        }
        HttpRequest.Builder req = HttpRequest.newBuilder(layer.uri()).GET();
        layer.headers().forEach((k, vs) -> vs.forEach(v -> req.header(k, v)));
        HttpResponse<InputStream> res = http.send(req.build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = res.body()) {
            if (res.statusCode() != 200) {
                throw new IOException("GET " + layer.uri() + " returned " + res.statusCode());
            }
            return digest(in);
        }
    }

    static String sha256(byte[] bytes) {
        return "sha256:" + HexFormat.of().formatHex(md().digest(bytes));
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return digest(in);
        }
    }

    static JsonNode json(byte[] bytes) throws IOException {
        return JSON.readTree(bytes);
    }

    /** {@code field} of every element of {@code array}, in order. */
    static List<String> each(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.path(field).asText()));
        return out;
    }

    /** The text of every element of {@code array}, in order. */
    static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    static List<String> hashes(List<LayerDescriptor> layers) {
        return layers.stream().map(l -> l.hash().toString()).toList();
    }

    static List<String> mediaTypes(List<LayerDescriptor> layers) {
        return layers.stream().map(LayerDescriptor::mediaType).toList();
    }

    private static String digest(InputStream in) throws IOException {
        MessageDigest md = md();
        try (DigestInputStream din = new DigestInputStream(in, md)) {
            din.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return "sha256:" + HexFormat.of().formatHex(md.digest());
    }

    private static MessageDigest md() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
