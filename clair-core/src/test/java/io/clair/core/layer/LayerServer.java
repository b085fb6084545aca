package io.clair.core.layer;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A local registry stand-in on 127.0.0.1: serves blobs, redirects and errors, and records what it was sent. */
final class LayerServer implements AutoCloseable {
    /** One request as received. */
    record Seen(String path, String authorization) {
    }

    private final HttpServer server;
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "layer-server");
        t.setDaemon(true);
        return t;
    });
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final Map<String, Handler> routes = new ConcurrentHashMap<>();

    interface Handler {
        void handle(HttpExchange ex) throws IOException;
    }

    LayerServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(pool);
        server.createContext("/", ex -> {
            seen.add(new Seen(ex.getRequestURI().getPath(), ex.getRequestHeaders().getFirst("Authorization")));
            try (ex) {
                Handler h = routes.get(ex.getRequestURI().getPath());
                if (h == null) {
                    ex.sendResponseHeaders(404, -1);
                } else {
                    h.handle(ex);
                }
            }
        });
        server.start();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    /** Serves {@code body} at {@code path} with the given Content-Type (none when null). */
    LayerServer blob(String path, byte[] body, String contentType) {
        routes.put(path, ex -> {
            if (contentType != null) {
                ex.getResponseHeaders().add("Content-Type", contentType);
            }
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        return this;
    }

    LayerServer redirect(String path, int status, URI to) {
        routes.put(path, ex -> {
            ex.getResponseHeaders().add("Location", to.toString());
            ex.sendResponseHeaders(status, -1);
        });
        return this;
    }

    LayerServer status(String path, int status, String body) {
        routes.put(path, ex -> {
            byte[] b = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            ex.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
            if (b.length > 0) {
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(b);
                }
            }
        });
        return this;
    }

    LayerServer handler(String path, Handler h) {
        routes.put(path, h);
        return this;
    }

    List<Seen> seen() {
        return List.copyOf(seen);
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
