package io.clair.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;

/** Serves one file per path from disk over local HTTP, with Content-Length, as a registry serves a blob. */
final class BlobServer implements AutoCloseable {
    private final HttpServer server;

    BlobServer(Path... files) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "blob-server");
            t.setDaemon(true);
            return t;
        }));
        for (Path f : files) {
            server.createContext("/" + f.getFileName(), ex -> {
                try (ex) {
                    ex.getResponseHeaders().add("Content-Type", "application/octet-stream");
                    ex.sendResponseHeaders(200, Files.size(f));
                    // large writes: the server shares the machine with the fetch it serves, so keep it cheap
                    byte[] buf = new byte[1 << 20];
                    try (InputStream in = Files.newInputStream(f); OutputStream out = ex.getResponseBody()) {
                        for (int n; (n = in.read(buf)) > 0; ) {
                            out.write(buf, 0, n);
                        }
                    }
                }
            });
        }
        server.start();
    }

    URI uri(Path f) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/" + f.getFileName());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
