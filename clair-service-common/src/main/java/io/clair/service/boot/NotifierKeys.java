package io.clair.service.boot;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Translates the deliverer sections of a Clair config file ({@code notifier.webhook}, {@code .amqp},
 * {@code .stomp}) into {@code clair.notifier.*} properties. Clair's snake_case keys become our kebab-case ones
 * ({@code routing_key} → {@code routing-key}); header names under {@code webhook.headers} are kept as written, and
 * each header's value list is joined with commas (one header line per name, as HTTP allows). Keys we do not
 * implement ({@code tls}, the deprecated {@code signed}) are left out, because the notifier's configuration
 * mapping rejects unknown keys.
 */
final class NotifierKeys {
    private static final Set<String> SKIPPED = Set.of("tls", "signed");

    private NotifierKeys() {
    }

    static void copy(JsonNode notifier, Map<String, String> p) {
        for (String kind : List.of("webhook", "amqp", "stomp")) {
            JsonNode section = notifier.path(kind);
            if (section.isObject()) {
                section.fields().forEachRemaining(e -> {
                    if (kind.equals("webhook") && e.getKey().equals("headers")) {
                        e.getValue().fields().forEachRemaining(h -> p.put("clair.notifier.webhook.headers.\""
                                + h.getKey() + "\"", join(h.getValue(), false)));
                    } else if (!SKIPPED.contains(e.getKey())) {
                        flatten(p, "clair.notifier." + kind + "." + kebab(e.getKey()), e.getValue());
                    }
                });
            }
        }
    }

    private static void flatten(Map<String, String> p, String prefix, JsonNode n) {
        if (n.isObject()) {
            n.fields().forEachRemaining(e -> flatten(p, prefix + "." + kebab(e.getKey()), e.getValue()));
        } else if (!n.isNull()) {
            p.put(prefix, join(n, true));
        }
    }

    /** A list as one value; escaped commas keep list items (URIs) whole, header values are joined as they are. */
    private static String join(JsonNode n, boolean escape) {
        if (!n.isArray()) {
            return n.asText();
        }
        StringBuilder b = new StringBuilder();
        n.forEach(v -> b.append(b.length() == 0 ? "" : ",")
                .append(escape ? v.asText().replace(",", "\\,") : v.asText()));
        return b.toString();
    }

    private static String kebab(String key) {
        return key.replace('_', '-');
    }
}
