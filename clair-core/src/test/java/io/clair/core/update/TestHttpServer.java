package io.clair.core.update;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local HTTP server for fetch tests, serving real files the way upstream feeds do: with an ETag, with a
 * Last-Modified date, or with neither, honouring {@code If-None-Match} and {@code If-Modified-Since} like a real
 * server. A path can also be made to answer with a fixed status. Every request is recorded.
 */
public final class TestHttpServer implements AutoCloseable {

    /** Which validator the server attaches to a resource. */
    public enum Validators { ETAG, LAST_MODIFIED, NONE }

    /** One request as the server saw it. */
    public record Request(String method, String path, Map<String, List<String>> headers) {
        public String header(String name) {
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                    return e.getValue().get(0);
                }
            }
            return null;
        }
    }

    private record Resource(byte[] body, Validators validators, String contentType, int status) {
    }

    static final String LAST_MODIFIED = "Tue, 15 Nov 1994 08:12:31 GMT";

    private final HttpServer server;
    private final Map<String, Resource> resources = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    private TestHttpServer(HttpServer server) {
        this.server = server;
        server.createContext("/", this::handle);
        server.start();
    }

    public static TestHttpServer start() {
        try {
            return new TestHttpServer(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Serves a file's current bytes at {@code path}. */
    public TestHttpServer file(String path, Path file, Validators validators) {
        try {
            return bytes(path, Files.readAllBytes(file), validators, "application/octet-stream");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public TestHttpServer bytes(String path, byte[] body, Validators validators, String contentType) {
        resources.put(path, new Resource(body, validators, contentType, 200));
        return this;
    }

    /** Makes {@code path} answer with {@code status} and a short text body. */
    public TestHttpServer status(String path, int status) {
        resources.put(path, new Resource(("status " + status).getBytes(StandardCharsets.UTF_8), Validators.NONE,
                "text/plain", status));
        return this;
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    public List<Request> requests() {
        return new ArrayList<>(requests);
    }

    public List<Request> requests(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            requests.add(new Request(ex.getRequestMethod(), path, Map.copyOf(ex.getRequestHeaders())));
            Resource r = resources.get(path);
            if (r == null) {
                send(ex, 404, "not found".getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (r.status() != 200) {
                send(ex, r.status(), r.body());
                return;
            }
            String etag = "\"" + sha256(r.body()).substring(0, 16) + "\"";
            switch (r.validators()) {
                case ETAG -> {
                    ex.getResponseHeaders().set("ETag", etag);
                    if (etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                        ex.sendResponseHeaders(304, -1);
                        return;
                    }
                }
                case LAST_MODIFIED -> {
                    ex.getResponseHeaders().set("Last-Modified", LAST_MODIFIED);
                    if (LAST_MODIFIED.equals(ex.getRequestHeaders().getFirst("If-Modified-Since"))) {
                        ex.sendResponseHeaders(304, -1);
                        return;
                    }
                }
                case NONE -> {
                }
            }
            ex.getResponseHeaders().set("Content-Type", r.contentType());
            send(ex, 200, r.body());
        }
    }

    private static void send(HttpExchange ex, int status, byte[] body) throws IOException {
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
