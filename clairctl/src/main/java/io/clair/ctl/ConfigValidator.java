package io.clair.ctl;

import com.fasterxml.jackson.databind.JsonNode;
import io.clair.api.auth.PskKey;
import io.clair.core.store.jdbc.DatabaseUrl;
import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a merged Clair configuration against {@link ConfigSchema}: unknown keys, values of the wrong type, and the
 * values clairctl and the services would fail on later (connection strings, the PSK key, durations, URLs).
 */
final class ConfigValidator {
    private static final Set<String> LOG_LEVELS = Set.of("debug-color", "debug", "info", "warn", "error", "fatal",
            "panic");
    private static final String DURATION = "(\\d+(\\.\\d+)?(ns|us|\u00b5s|ms|s|m|h))+|0";

    private ConfigValidator() {
    }

    /** The problems found, each naming its key; empty when the configuration is valid. */
    static List<String> problems(JsonNode root) {
        List<String> out = new ArrayList<>();
        check(root, ConfigSchema.ROOT, "", out);
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void check(JsonNode node, Map<String, Object> schema, String path, List<String> out) {
        if (node.isNull()) {
            return;
        }
        if (!node.isObject()) {
            out.add((path.isEmpty() ? "the file" : path) + " must be a mapping");
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
            Object expected = schema.get(e.getKey());
            if (expected == null) {
                out.add("unknown key " + key);
            } else if (expected instanceof Map<?, ?> sub) {
                check(e.getValue(), (Map<String, Object>) sub, key, out);
            } else {
                leaf(e.getValue(), (ConfigSchema.Kind) expected, key, out);
            }
        }
    }

    private static void leaf(JsonNode v, ConfigSchema.Kind kind, String key, List<String> out) {
        if (v.isNull() && kind != ConfigSchema.Kind.REMOVED) {
            return;
        }
        String text = v.asText("");
        switch (kind) {
            case STRING, LOG_LEVEL -> {
                if (!v.isValueNode()) {
                    out.add(key + " must be text");
                } else if (kind == ConfigSchema.Kind.LOG_LEVEL && !LOG_LEVELS.contains(text)) {
                    out.add(key + " \"" + text + "\" is not one of " + String.join(", ", LOG_LEVELS));
                }
            }
            case BOOL -> {
                if (!v.isBoolean()) {
                    out.add(key + " must be true or false");
                }
            }
            case INT -> {
                if (!v.canConvertToInt() || !v.isIntegralNumber()) {
                    out.add(key + " must be a whole number");
                }
            }
            case DURATION -> {
                if (!v.isTextual() || !text.matches(DURATION)) {
                    out.add(key + " \"" + text + "\" is not a duration like 6h, 30m or 1h30m");
                }
            }
            case URL -> {
                if (!v.isTextual() || !isHttpUrl(text)) {
                    out.add(key + " \"" + text + "\" is not an http(s) URL");
                }
            }
            case CONNSTRING -> {
                if (!v.isTextual()) {
                    out.add(key + " must be a connection string");
                } else if (!text.isBlank()) {
                    try {
                        DatabaseUrl.parse(text);
                    } catch (IllegalArgumentException e) {
                        out.add(key + ": " + e.getMessage());
                    }
                }
            }
            case PSK_KEY -> {
                try {
                    PskKey.fromBase64(text);
                } catch (IllegalArgumentException e) {
                    out.add(key + ": " + e.getMessage());
                }
            }
            case STRINGS -> {
                if (!v.isArray()) {
                    out.add(key + " must be a list");
                } else {
                    v.forEach(item -> {
                        if (!item.isTextual()) {
                            out.add(key + " must list text values");
                        }
                    });
                }
            }
            case REMOVED -> out.add(key + " was removed from Clair v4 (keyserver authentication); use auth.psk");
            case FREE -> {
                // owned by a plugin or back-end, which checks it when it starts
            }
        }
    }

    private static boolean isHttpUrl(String s) {
        try {
            URI u = new URI(s);
            return ("http".equals(u.getScheme()) || "https".equals(u.getScheme())) && u.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }
}
