package io.clair.core.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/**
 * What a non-direct deliverer sends: {@code {"notification_id": "<uuid>", "callback": "<base>/<uuid>"}}, the
 * address where the receiver pages through the notification and then deletes it.
 */
public record Callback(UUID notificationId, URI callback) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public Callback {
        Objects.requireNonNull(notificationId, "notificationId");
        Objects.requireNonNull(callback, "callback");
    }

    /**
     * The callback for {@code id} under {@code base}, e.g. {@code http://clair:6060/notifier/api/v1/notification/}.
     * A base without a trailing slash gets one, so that the id is appended rather than replacing the last segment.
     */
    public static Callback of(String base, UUID id) {
        if (base == null || base.isBlank()) {
            throw new IllegalArgumentException("notifier: a callback base URL is required");
        }
        String b = base.trim();
        return new Callback(id, URI.create((b.endsWith("/") ? b : b + "/") + id));
    }

    public byte[] toJson() {
        ObjectNode n = JSON.createObjectNode();
        n.put("notification_id", notificationId.toString());
        n.put("callback", callback.toString());
        return n.toString().getBytes(StandardCharsets.UTF_8);
    }
}
