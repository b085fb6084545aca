package io.clair.ctl;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The keys of Clair's v4 configuration file (quay/clair {@code config/*.go}) and what each holds, for
 * {@code check-config}. Clair has rejected unknown keys since 4.7, so a typo is an error here too; subtrees whose
 * keys belong to plugins or tracing back-ends ({@code updaters.config}, {@code trace}, ...) are taken as they are.
 * {@code database.options} is this project's addition (the keys our users' guide shows).
 */
final class ConfigSchema {
    /** What a leaf holds. */
    enum Kind {
        STRING, BOOL, INT, DURATION, URL, CONNSTRING, PSK_KEY, STRINGS, LOG_LEVEL, FREE, REMOVED
    }

    private ConfigSchema() {
    }

    /** Nested maps of key to {@link Kind} or to a further map. */
    static final Map<String, Object> ROOT = tree(
            "http_listen_addr", Kind.STRING,
            "introspection_addr", Kind.STRING,
            "log_level", Kind.LOG_LEVEL,
            "tls", tree("cert", Kind.STRING, "key", Kind.STRING, "root_ca", Kind.STRING),
            "indexer", tree("connstring", Kind.CONNSTRING, "scanlock_retry", Kind.INT,
                    "layer_scan_concurrency", Kind.INT, "index_report_request_concurrency", Kind.INT,
                    "migrations", Kind.BOOL, "airgap", Kind.BOOL, "scanner", Kind.FREE),
            "matcher", tree("connstring", Kind.CONNSTRING, "indexer_addr", Kind.URL, "period", Kind.DURATION,
                    "update_retention", Kind.INT, "cache_age", Kind.DURATION, "max_conn_pool", Kind.INT,
                    "migrations", Kind.BOOL, "disable_updaters", Kind.BOOL, "disable_enrichment", Kind.BOOL),
            "matchers", tree("names", Kind.STRINGS, "config", Kind.FREE),
            "updaters", tree("sets", Kind.STRINGS, "config", Kind.FREE, "filter", Kind.STRING),
            "notifier", tree("connstring", Kind.CONNSTRING, "indexer_addr", Kind.URL, "matcher_addr", Kind.URL,
                    "poll_interval", Kind.DURATION, "delivery_interval", Kind.DURATION,
                    "disable_summary", Kind.BOOL, "migrations", Kind.BOOL,
                    "webhook", tree("target", Kind.URL, "callback", Kind.URL, "headers", Kind.FREE,
                            "signed", Kind.BOOL),
                    "amqp", Kind.FREE, "stomp", Kind.FREE),
            "auth", tree("psk", tree("key", Kind.PSK_KEY, "iss", Kind.STRINGS), "keyserver", Kind.REMOVED),
            "trace", Kind.FREE,
            "metrics", Kind.FREE,
            "database", tree("type", Kind.STRING, "options", tree("source", Kind.CONNSTRING,
                    "max_open_conns", Kind.INT, "max_idle_conns", Kind.INT)));

    private static Map<String, Object> tree(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }
}
