package io.clair.updater;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.clair.api.auth.PskKey;
import io.clair.api.auth.PskVerifier;
import io.clair.api.mapping.V4Mapper;
import io.clair.api.v4.AffectedManifestsDto;
import io.clair.api.v4.VulnerabilityDto;
import io.clair.core.manifest.Digest;
import io.clair.core.match.AffectedManifests;
import io.clair.core.plugin.PluginContext;
import io.clair.core.plugin.Plugins;
import io.clair.core.testing.FeedServer;
import io.clair.core.testing.MatchingFixture;
import io.clair.core.testing.Rootfs;
import io.clair.core.testing.TestData;
import io.clair.core.vuln.Vulnerability;
import io.clair.updater.notify.deliver.WebhookDeliverer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Everything around the updater service in the notification flow, on loopback: the Alpine v3.6 feed (real files,
 * replaceable), an indexer answering the internal {@code affected_manifest} call with our core reverse lookup over
 * the real Alpine minirootfs indexed as three images (plus a 3.20.3 one that nothing here affects), and a Quay that
 * takes the webhook as Quay does: checks the PSK JWT and the JSON (and the header configured for this test), answers
 * 200 {@code Okay}.
 */
public class NotifierPeers implements QuarkusTestResourceLifecycleManager {
    static final String PSK = "bm90aWZpZXItdGVzdC1rZXktc2hhcmVkLXdpdGgtcXVheQ==";
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** A webhook call as Quay received it. */
    record Webhook(String notificationId, String callback) {
    }

    static FeedServer feeds;
    static HttpServer indexer;
    static HttpServer quay;
    static final BlockingQueue<Webhook> webhooks = new LinkedBlockingQueue<>();
    static final List<String> rejectedWebhooks = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** The indexed images the new advisories affect. */
    static List<Digest> affected;
    static Digest unaffected;
    static int appPort;

    @Override
    public Map<String, String> start() {
        try {
            feeds = new FeedServer()
                    .serve("/alpine/v3.6/main.json", TestData.path("alpine/secdb/v3.6/main.json"))
                    .serve("/alpine/v3.6/community.json", TestData.path("alpine/secdb/v3.6/community.json"));
            indexer = startIndexer();
            quay = startQuay();
            appPort = freePort();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("notifier test peers: " + e.getMessage(), e);
        }
        String app = "http://127.0.0.1:" + appPort;
        return Map.ofEntries(
                Map.entry("quarkus.http.test-port", Integer.toString(appPort)),
                Map.entry("clair.auth.psk.key", PSK),
                Map.entry("clair.auth.psk.iss", "quay"),
                Map.entry("clair.updater.enabled", "false"),
                Map.entry("clair.updater.sets", "alpine"),
                Map.entry("clair.updaters.alpine.url", feeds.url("/alpine/")),
                Map.entry("clair.updaters.alpine.releases", "v3.6"),
                Map.entry("clair.notifier.indexer-url", "http://127.0.0.1:" + indexer.getAddress().getPort() + "/"),
                Map.entry("clair.notifier.webhook.target",
                        "http://127.0.0.1:" + quay.getAddress().getPort() + "/secscan/notification"),
                Map.entry("clair.notifier.webhook.callback", app + "/notifier/api/v1/notification/"),
                Map.entry("clair.notifier.webhook.headers.\"X-Clair-Test\"", "notifier"));
    }

    private static HttpServer startIndexer() throws IOException, InterruptedException {
        MatchingFixture f = MatchingFixture.create("memory");
        List<Digest> hit = new ArrayList<>();
        for (String name : List.of("a", "b", "c")) {
            hit.add(f.indexDirectory("alpine-3.6.5-" + name, Rootfs.alpine("3.6.5")).manifestHash());
        }
        affected = List.copyOf(hit);
        unaffected = f.indexDirectory("alpine-3.20.3", Rootfs.alpine("3.20.3")).manifestHash();
        AffectedManifests lookup = new AffectedManifests(f.index(), Plugins.load().matchers(PluginContext.defaults()));
        HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        // the indexer's real endpoint shape: {"vulnerabilities": [...]} in, AffectedManifests out
        s.createContext("/indexer/api/v1/internal/affected_manifest/", ex -> {
            try (ex) {
                JsonNode list = JSON.readTree(ex.getRequestBody()).get("vulnerabilities");
                Map<String, VulnerabilityDto> byId = new LinkedHashMap<>();
                List<Vulnerability> vulns = new ArrayList<>();
                for (JsonNode n : list) {
                    VulnerabilityDto dto = JSON.treeToValue(n, VulnerabilityDto.class);
                    byId.put(dto.id(), dto);
                    vulns.add(V4Mapper.vulnerability(dto));
                }
                Map<String, List<String>> manifests = new LinkedHashMap<>();
                Map<String, VulnerabilityDto> used = new LinkedHashMap<>();
                lookup.affected(vulns).forEach((d, vs) -> {
                    manifests.put(d.toString(), vs.stream().map(Vulnerability::id).toList());
                    vs.forEach(v -> used.put(v.id(), byId.get(v.id())));
                });
                respond(ex, 200, JSON.writeValueAsBytes(new AffectedManifestsDto(used, manifests)));
            }
        });
        s.start();
        return s;
    }

    private static HttpServer startQuay() throws IOException {
        // Quay checks the signature with the shared key; we also insist on Clair's notifier issuer
        PskVerifier verifier = new PskVerifier(PskKey.fromBase64(PSK), List.of(WebhookDeliverer.ISSUER));
        HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        s.createContext("/secscan/notification", ex -> {
            try (ex) {
                String auth = ex.getRequestHeaders().getFirst("Authorization");
                JsonNode body = JSON.readTree(ex.getRequestBody());
                if (!verifier.verify(auth) || !"notifier".equals(ex.getRequestHeaders().getFirst("X-Clair-Test"))
                        || !"application/json".equals(ex.getRequestHeaders()
                        .getFirst("Content-Type")) || body.size() != 2 || !body.hasNonNull("notification_id")
                        || !body.hasNonNull("callback")) {
                    rejectedWebhooks.add(auth + " " + body);
                    respond(ex, 400, "bad notification".getBytes(StandardCharsets.UTF_8));
                    return;
                }
                webhooks.add(new Webhook(body.get("notification_id").asText(), body.get("callback").asText()));
                respond(ex, 200, "Okay".getBytes(StandardCharsets.UTF_8));
            }
        });
        s.start();
        return s;
    }

    private static void respond(HttpExchange ex, int status, byte[] body) throws IOException {
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, body.length);
        ex.getResponseBody().write(body);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void stop() {
        if (feeds != null) {
            feeds.close();
        }
        if (indexer != null) {
            indexer.stop(0);
        }
        if (quay != null) {
            quay.stop(0);
        }
    }
}
