package io.clair.core.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Serves real feed files over local HTTP the way upstream mirrors do: with an ETag per content, answering a matching
 * {@code If-None-Match} with 304. A path can be made to fail with a status, and its content can be replaced, so tests
 * exercise unchanged, changed and failing sources.
 */
public final class FeedServer implements AutoCloseable {
    private final HttpServer server;
    private final Map<String, byte[]> content = new ConcurrentHashMap<>();
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> fullResponses = new ConcurrentHashMap<>();

    public FeedServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", ex -> {
            String path = ex.getRequestURI().getPath();
            try (ex) {
                Integer failure = failures.get(path);
                if (failure != null) {
                    ex.sendResponseHeaders(failure, -1);
                    return;
                }
                byte[] body = content.get(path);
                if (body == null) {
                    ex.sendResponseHeaders(404, -1);
                    return;
                }
                String etag = "\"" + sha256(body) + "\"";
                ex.getResponseHeaders().add("ETag", etag);
                if (etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                    ex.sendResponseHeaders(304, -1);
                    return;
                }
                fullResponses.computeIfAbsent(path, k -> new AtomicInteger()).incrementAndGet();
                ex.sendResponseHeaders(200, body.length);
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(body);
                }
            }
        });
        server.start();
    }

    public FeedServer serve(String path, Path file) throws IOException {
        return serve(path, Files.readAllBytes(file));
    }

    public FeedServer serve(String path, byte[] body) {
        content.put(path, body);
        failures.remove(path);
        return this;
    }

    public FeedServer fail(String path, int status) {
        failures.put(path, status);
        return this;
    }

    /** How many times {@code path} was sent in full (not 304). */
    public int fullResponses(String path) {
        AtomicInteger n = fullResponses.get(path);
        return n == null ? 0 : n.get();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
