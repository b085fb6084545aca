package io.clair.core.testing;

import com.sun.net.httpserver.HttpServer;
import io.clair.core.manifest.Digest;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local HTTP server that serves files as blobs under {@code /blobs/<digest>}, like a registry's blob endpoint, and
 * counts downloads per blob so tests can show what was fetched.
 */
public final class BlobServer implements AutoCloseable {
    private final HttpServer server;
    private final Map<String, Path> blobs = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> gets = new ConcurrentHashMap<>();

    public BlobServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/blobs/", ex -> {
            String digest = ex.getRequestURI().getPath().substring("/blobs/".length());
            Path file = blobs.get(digest);
            try (ex) {
                if (file == null) {
                    ex.sendResponseHeaders(404, -1);
                    return;
                }
                gets.computeIfAbsent(digest, k -> new AtomicInteger()).incrementAndGet();
                ex.getResponseHeaders().add("Content-Type", "application/octet-stream");
                ex.sendResponseHeaders(200, Files.size(file));
                try (OutputStream out = ex.getResponseBody()) {
                    Files.copy(file, out);
                }
            }
        });
        server.start();
    }

    /** Serves {@code file} under its sha256 digest; returns the digest. */
    public Digest add(Path file) throws IOException {
        Digest d = Digest.of("sha256", Files.readAllBytes(file));
        blobs.put(d.toString(), file);
        return d;
    }

    /** Serves {@code file} under a digest that does not match its content (for verification tests). */
    public void addAs(Digest claimed, Path file) {
        blobs.put(claimed.toString(), file);
    }

    public URI uri(Digest d) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/blobs/" + d);
    }

    public int downloads(Digest d) {
        AtomicInteger n = gets.get(d.toString());
        return n == null ? 0 : n.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
