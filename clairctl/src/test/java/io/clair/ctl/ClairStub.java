package io.clair.ctl;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.clair.api.auth.PskVerifier;
import io.clair.api.mapping.V4Mapper;
import io.clair.api.v4.ManifestDto;
import io.clair.core.image.ImageResolver;
import io.clair.core.index.IndexReport;
import io.clair.core.index.IndexState;
import io.clair.core.index.Indexer;
import io.clair.core.index.IndexerOptions;
import io.clair.core.layer.LayerFetcher;
import io.clair.core.layer.LayerOptions;
import io.clair.core.manifest.Digest;
import io.clair.core.match.VulnerabilityMatcher;
import io.clair.core.plugin.PluginContext;
import io.clair.core.plugin.Plugins;
import io.clair.core.store.memory.InMemoryIndexerStore;
import io.clair.core.store.memory.InMemoryVulnerabilityStore;
import io.clair.core.vuln.Fingerprint;
import io.clair.core.vuln.Vulnerability;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A small Clair server for the client-protocol tests: the three endpoints clairctl calls, answered with real JSON
 * from the core (the {@link Indexer} fetching layers from the registry the manifest names, the
 * {@link VulnerabilityMatcher} over in-memory stores), PSK verification with {@link PskVerifier}, and a log of
 * the requests. It mirrors our matcher's behaviour where the protocol branches: 404 for unknown manifests,
 * {@code Clair-Vulnerability-Data: not-ready} when it holds no vulnerability data, or Clair's own 202.
 */
final class ClairStub implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String INDEX = "/indexer/api/v1/index_report";
    static final String REPORT = "/matcher/api/v1/vulnerability_report/";

    /** A request the stub saw: method, path, whether its bearer token verified, and the status answered. */
    record Request(String method, String path, boolean authorized, int status) {
        @Override
        public String toString() {
            return method + " " + path + " " + status;
        }
    }

    private final HttpServer server;
    private final Indexer indexer;
    private final VulnerabilityMatcher matcher;
    private final InMemoryVulnerabilityStore vulns = new InMemoryVulnerabilityStore();
    private final PskVerifier verifier;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final java.util.concurrent.atomic.AtomicInteger answer202 = new java.util.concurrent.atomic.AtomicInteger();
    private volatile String lastReportBody;

    ClairStub(Path tmp, PskVerifier verifier, List<Vulnerability> data) throws IOException {
        this.verifier = verifier;
        if (!data.isEmpty()) {
            vulns.recordUpdate(AlpineImages.UPDATER, new Fingerprint("stub"), data, null);
        }
        Plugins plugins = Plugins.load();
        PluginContext ctx = PluginContext.defaults();
        LayerFetcher fetcher = new LayerFetcher(ImageResolver.newHttpClient(), LayerOptions.defaults(tmp));
        this.indexer = new Indexer(new InMemoryIndexerStore(), fetcher::fetch, plugins.ecosystems(ctx),
                IndexerOptions.defaults());
        this.matcher = new VulnerabilityMatcher(vulns, plugins.matchers(ctx), null);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.createContext("/", this::handle);
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    void clearRequests() {
        requests.clear();
    }

    /** Answer the next {@code times} vulnerability reports with Clair's 202 (matcher not initialized). */
    void answer202(int times) {
        answer202.set(times);
    }

    /** The body of the last 200 vulnerability report, exactly as sent. */
    String lastReportBody() {
        return lastReportBody;
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        boolean authorized = verifier == null || verifier.verify(ex.getRequestHeaders().getFirst("Authorization"));
        try (ex) {
            if (!authorized) {
                send(ex, 401, null);
                return;
            }
            if (path.equals(INDEX) && ex.getRequestMethod().equals("POST")) {
                ManifestDto m = JSON.readValue(ex.getRequestBody(), ManifestDto.class);
                IndexReport r = indexer.index(V4Mapper.manifest(m));
                send(ex, 201, JSON.writeValueAsString(V4Mapper.indexReport(r)));
            } else if (path.startsWith(INDEX + "/") && ex.getRequestMethod().equals("GET")) {
                Optional<IndexReport> r = indexer.report(Digest.parse(path.substring(INDEX.length() + 1)));
                if (r.isEmpty()) {
                    send(ex, 404, "{\"code\":\"not-found\",\"message\":\"index report not found\"}");
                } else {
                    send(ex, 200, JSON.writeValueAsString(V4Mapper.indexReport(r.get())));
                }
            } else if (path.startsWith(INDEX + "/") && ex.getRequestMethod().equals("DELETE")) {
                indexer.delete(List.of(Digest.parse(path.substring(INDEX.length() + 1))));
                send(ex, 204, null);
            } else if (path.startsWith(REPORT) && ex.getRequestMethod().equals("GET")) {
                vulnerabilityReport(ex, Digest.parse(path.substring(REPORT.length())));
            } else {
                send(ex, 404, "{\"code\":\"not-found\",\"message\":\"no route\"}");
            }
        }
    }

    private void vulnerabilityReport(HttpExchange ex, Digest digest) throws IOException {
        if (answer202.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            send(ex, 202, null);
            return;
        }
        Optional<IndexReport> index = indexer.report(digest);
        if (index.isEmpty() || index.get().state() != IndexState.IndexFinished) {
            send(ex, 404, "{\"code\":\"not-found\",\"message\":\"index report not found\"}");
            return;
        }
        String body = JSON.writeValueAsString(V4Mapper.vulnerabilityReport(matcher.match(index.get())));
        if (!vulns.initialized()) {
            ex.getResponseHeaders().add("Clair-Vulnerability-Data", "not-ready");
        }
        lastReportBody = body;
        send(ex, 200, body);
    }

    /** Logs the request, then answers: logged first, since the client goes on as soon as it has the answer. */
    private void send(HttpExchange ex, int status, String body) throws IOException {
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        requests.add(new Request(ex.getRequestMethod(), ex.getRequestURI().getPath(),
                verifier == null || verifier.verify(auth), status));
        if (body == null) {
            ex.sendResponseHeaders(status, -1);
            return;
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        indexer.close();
    }
}
