package io.clair.core.plugin;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * What a plugin gets to build its components: the shared HTTP client, a clock, a directory for temporary files, and
 * per-component configuration. Components never create their own HTTP client or read the wall clock directly, so
 * tests and operators control both.
 *
 * @param config configuration trees keyed by component name (updater set, matcher or scanner name), as found under
 *               {@code clair.updaters.<name>.*} or Clair's {@code updaters.config.<name>}
 */
public record PluginContext(HttpClient http, Clock clock, Path tempDir, Map<String, Map<String, Object>> config) {
    private static final ObjectMapper BINDER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
            // properties give one value where a list is expected ("releases=v3.18"): take it as a one-item list
            .configure(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY, true)
            .findAndRegisterModules();

    public PluginContext {
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(tempDir, "tempDir");
        config = config == null ? Map.of() : Map.copyOf(config);
    }

    /** A context with default HTTP client and clock and no configuration. */
    public static PluginContext defaults() {
        return new PluginContext(
                HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                        .connectTimeout(java.time.Duration.ofSeconds(30)).build(),
                Clock.systemUTC(), Path.of(System.getProperty("java.io.tmpdir")), Map.of());
    }

    public PluginContext withConfig(Map<String, Map<String, Object>> newConfig) {
        return new PluginContext(http, clock, tempDir, newConfig);
    }

    /** The raw configuration tree for {@code name}, empty when none was given. */
    public Map<String, Object> rawConfig(String name) {
        return config.getOrDefault(name, Map.of());
    }

    /**
     * Binds the configuration for {@code name} to {@code type} (usually a record whose compact constructor fills
     * defaults). Unknown keys fail, so that a typo is reported at start-up rather than silently ignored.
     */
    public <C> C config(String name, Class<C> type) {
        try {
            return BINDER.convertValue(rawConfig(name), type);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("config for " + name + ": " + e.getMessage(), e);
        }
    }
}
