package io.clair.matcher;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.clair.api.mapping.V4Mapper;
import io.clair.core.index.IndexReport;
import io.clair.core.testing.MatchingFixture;
import io.clair.core.testing.Rootfs;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stands in for a separately deployed indexer: serves, over HTTP, index reports that our real indexer produced from
 * a real root filesystem (the Alpine 3.6.5 minirootfs), so the matcher takes them exactly as it would in production.
 */
public class IndexerStub implements QuarkusTestResourceLifecycleManager {
    static final Map<String, IndexReport> REPORTS = new ConcurrentHashMap<>();
    static IndexReport alpine;
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            alpine = MatchingFixture.create("memory").indexDirectory("matcher-alpine-3.6.5", Rootfs.alpine("3.6.5"));
            REPORTS.put(alpine.manifestHash().toString(), alpine);
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            ObjectMapper json = new ObjectMapper();
            server.createContext("/indexer/api/v1/index_report/", ex -> {
                String digest = ex.getRequestURI().getPath().substring("/indexer/api/v1/index_report/".length());
                IndexReport r = REPORTS.get(digest);
                try (ex) {
                    if (r == null) {
                        byte[] body = "{\"code\":\"not-found\",\"message\":\"index report not found\"}".getBytes();
                        ex.sendResponseHeaders(404, body.length);
                        ex.getResponseBody().write(body);
                        return;
                    }
                    byte[] body = json.writeValueAsBytes(V4Mapper.indexReport(r));
                    ex.getResponseHeaders().add("Content-Type", "application/json");
                    ex.sendResponseHeaders(200, body.length);
                    ex.getResponseBody().write(body);
                }
            });
            server.start();
            return Map.of("clair.matcher.indexer-url", "http://127.0.0.1:" + server.getAddress().getPort() + "/");
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
