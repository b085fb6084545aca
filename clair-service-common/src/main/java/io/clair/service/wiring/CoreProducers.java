package io.clair.service.wiring;

import io.clair.core.plugin.PluginContext;
import io.clair.core.plugin.Plugins;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.config.Config;

/**
 * The core objects every role shares in one process: the installed plugins, one HTTP client, and the plugin context
 * carrying per-component configuration from {@code clair.updaters.<name>.<key>} (and, via a Clair config file,
 * {@code updaters.config.<name>}).
 */
public class CoreProducers {
    static final String UPDATER_PREFIX = "clair.updaters.";

    @Produces
    @Singleton
    Plugins plugins() {
        return Plugins.load(Thread.currentThread().getContextClassLoader());
    }

    @Produces
    @Singleton
    HttpClient httpClient() {
        // redirects are followed by the callers that need them (the layer fetcher drops credentials across hosts)
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(30)).build();
    }

    @Produces
    @Singleton
    PluginContext pluginContext(HttpClient http, Config config) throws java.io.IOException {
        Path tmp = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "clair"));
        HttpClient following = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(30)).build();
        return new PluginContext(following, Clock.systemUTC(), tmp, componentConfig(config));
    }

    /** {@code clair.updaters."name".a.b=v} becomes {name: {a: {b: v}}}; lists stay comma-separated strings. */
    static Map<String, Map<String, Object>> componentConfig(Config config) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        for (String key : config.getPropertyNames()) {
            if (!key.startsWith(UPDATER_PREFIX)) {
                continue;
            }
            String rest = key.substring(UPDATER_PREFIX.length());
            String name;
            if (rest.startsWith("\"")) {
                int end = rest.indexOf('"', 1);
                name = rest.substring(1, end);
                rest = rest.substring(end + 1);
            } else {
                int dot = rest.indexOf('.');
                name = dot < 0 ? rest : rest.substring(0, dot);
                rest = dot < 0 ? "" : rest.substring(dot);
            }
            if (rest.startsWith(".")) {
                rest = rest.substring(1);
            }
            if (rest.isEmpty()) {
                continue;
            }
            String value = config.getOptionalValue(key, String.class).orElse("");
            put(out.computeIfAbsent(name, k -> new LinkedHashMap<>()), rest.split("\\."), value);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> node, String[] path, String value) {
        Map<String, Object> cur = node;
        for (int i = 0; i < path.length - 1; i++) {
            cur = (Map<String, Object>) cur.computeIfAbsent(path[i], k -> new LinkedHashMap<String, Object>());
        }
        String last = path[path.length - 1];
        cur.put(last, value.contains(",") ? java.util.List.of(value.split("\\s*,\\s*")) : value);
    }
}
