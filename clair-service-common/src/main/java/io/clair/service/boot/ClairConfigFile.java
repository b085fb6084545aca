package io.clair.service.boot;

import com.fasterxml.jackson.databind.JsonNode;
import io.clair.api.config.ClairConfigDocument;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a Clair v4 {@code config.yaml} (or JSON) and translates the keys we honour into our configuration
 * properties, so that an existing Clair configuration works unchanged. Reading (YAML or JSON, drop-ins) is
 * {@link ClairConfigDocument}'s, shared with clairctl. Unknown keys are ignored here; Clair's own validation is
 * stricter, but refusing a file Clair accepts would be worse.
 */
public final class ClairConfigFile {
    private final ClairConfigDocument document;
    private final JsonNode root;

    private ClairConfigFile(ClairConfigDocument document) {
        this.document = document;
        this.root = document.tree();
    }

    /** Reads the file and its drop-ins ({@code <file>.d/}); see {@link ClairConfigDocument#read}. */
    public static ClairConfigFile read(Path path) throws IOException {
        return new ClairConfigFile(ClairConfigDocument.read(path));
    }

    public Path path() {
        return document.path();
    }

    /** The database connection string; see {@link ClairConfigDocument#connString()}. */
    public String connString() {
        return document.connString();
    }

    /** Pool size from {@code database.options.max_open_conns}, or -1. */
    public int maxOpenConns() {
        return document.maxOpenConns();
    }

    /** Our property names and values for everything in the file we understand. */
    public Map<String, String> properties() {
        Map<String, String> p = new LinkedHashMap<>();
        String listen = root.path("http_listen_addr").asText("");
        if (!listen.isEmpty()) {
            int colon = listen.lastIndexOf(':');
            p.put("quarkus.http.port", colon >= 0 ? listen.substring(colon + 1) : listen);
            String host = colon > 0 ? listen.substring(0, colon) : "";
            if (!host.isEmpty()) {
                p.put("quarkus.http.host", host);
            }
        }
        copy(p, "/auth/psk/key", "clair.auth.psk.key");
        list(p, "/auth/psk/iss", "clair.auth.psk.iss");
        copy(p, "/indexer/index_report_request_concurrency", "clair.indexer.request-concurrency");
        copy(p, "/indexer/layer_scan_concurrency", "clair.indexer.layer-scan-concurrency");
        copy(p, "/indexer/airgap", "clair.indexer.airgap");
        copy(p, "/matcher/indexer_addr", "clair.matcher.indexer-url");
        copy(p, "/matcher/cache_age", "clair.matcher.cache-age");
        copy(p, "/matcher/period", "clair.updater.period");
        copy(p, "/matcher/update_retention", "clair.updater.retention");
        if (root.at("/matcher/disable_updaters").asBoolean(false)) {
            p.put("clair.updater.enabled", "false");
        }
        JsonNode sets = root.at("/updaters/sets");
        if (sets.isArray()) {
            list(p, "/updaters/sets", "clair.updater.sets");
        }
        JsonNode updaterConfig = root.at("/updaters/config");
        for (Iterator<Map.Entry<String, JsonNode>> it = updaterConfig.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            flatten(p, "clair.updaters.\"" + e.getKey() + "\"", e.getValue());
        }
        copy(p, "/notifier/indexer_addr", "clair.notifier.indexer-url");
        copy(p, "/notifier/matcher_addr", "clair.notifier.matcher-url");
        copy(p, "/notifier/poll_interval", "clair.notifier.poll-interval");
        copy(p, "/notifier/delivery_interval", "clair.notifier.delivery-interval");
        copy(p, "/notifier/disable_summary", "clair.notifier.disable-summary");
        NotifierKeys.copy(root.path("notifier"), p);
        return p;
    }

    private void copy(Map<String, String> p, String pointer, String key) {
        JsonNode n = root.at(pointer);
        if (!n.isMissingNode() && !n.isNull()) {
            p.put(key, n.asText());
        }
    }

    private void list(Map<String, String> p, String pointer, String key) {
        JsonNode n = root.at(pointer);
        if (n.isArray()) {
            StringBuilder b = new StringBuilder();
            n.forEach(v -> b.append(b.length() == 0 ? "" : ",").append(v.asText().replace(",", "\\,")));
            p.put(key, b.toString());
        } else if (n.isTextual()) {
            p.put(key, n.asText());
        }
    }

    private static void flatten(Map<String, String> p, String prefix, JsonNode n) {
        if (n.isObject()) {
            n.fields().forEachRemaining(e -> flatten(p, prefix + "." + e.getKey(), e.getValue()));
        } else if (n.isArray()) {
            StringBuilder b = new StringBuilder();
            n.forEach(v -> b.append(b.length() == 0 ? "" : ",").append(v.asText().replace(",", "\\,")));
            p.put(prefix, b.toString());
        } else if (!n.isNull()) {
            p.put(prefix, n.asText());
        }
    }
}
