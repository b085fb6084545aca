package io.clair.updater.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clair.api.v4.MediaTypes;
import io.clair.core.notify.NotificationCodec;
import io.clair.core.notify.NotificationPage;
import io.clair.core.notify.Notifier;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

/**
 * The notifier's API, which receivers such as Quay call back:
 * <ul>
 *   <li>{@code GET /notifier/api/v1/notification/{id}?page_size=N&next=<uuid>} returns
 *       {@code {"page": {"size": N, "next": "<uuid>"}, "notifications": [...]}}: at most {@code page_size} entries
 *       (default 500) after {@code next}; {@code page.next} is present only when more follow. 404 for an unknown
 *       notification, 400 for a malformed id, {@code next} or {@code page_size}.</li>
 *   <li>{@code DELETE /notifier/api/v1/notification/{id}} acknowledges it: 200, and the notification is removed
 *       at the next garbage collection. Deleting again before then is 200 as well; once it is gone (or if it never
 *       existed), 404, which receivers treat as done. Clair answers 500 there; 404 says what happened.</li>
 * </ul>
 */
@Path("/notifier/api/v1/notification")
public class NotificationResource {
    static final int DEFAULT_PAGE_SIZE = 500;
    static final int MAX_PAGE_SIZE = 10_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Notifier notifier;

    NotificationResource(Notifier notifier) {
        this.notifier = notifier;
    }

    @GET
    @Path("{id}")
    @Produces({MediaTypes.NOTIFICATION_PAGE, MediaType.APPLICATION_JSON})
    public ObjectNode page(@PathParam("id") String id, @QueryParam("page_size") String pageSize,
            @QueryParam("next") String next) {
        UUID notification = uuid(id, "notification id");
        UUID after = next == null || next.isEmpty() ? null : uuid(next, "next");
        int size = pageSize(pageSize);
        NotificationPage p = notifier.page(notification, after, size)
                .orElseThrow(() -> new NotFoundException("notification " + notification + " not found"));
        ObjectNode body = JSON.createObjectNode();
        ObjectNode page = body.putObject("page");
        page.put("size", size);
        p.next().ifPresent(n -> page.put("next", n.toString()));
        ArrayNode entries = body.putArray("notifications");
        p.notifications().forEach(n -> entries.add(NotificationCodec.toJson(n)));
        return body;
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        UUID notification = uuid(id, "notification id");
        if (!notifier.delete(notification)) {
            throw new NotFoundException("notification " + notification + " not found");
        }
        return Response.ok().build();
    }

    private static int pageSize(String text) {
        if (text == null || text.isEmpty()) {
            return DEFAULT_PAGE_SIZE;
        }
        try {
            int n = Integer.parseInt(text);
            if (n >= 1 && n <= MAX_PAGE_SIZE) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("notifier: page_size must be a number from 1 to " + MAX_PAGE_SIZE
                + ", got \"" + text + "\"");
    }

    private static UUID uuid(String text, String what) {
        try {
            UUID u = UUID.fromString(text);
            // UUID.fromString accepts short groups such as "1-1-1-1-1"; a notification id never looks like that
            if (u.toString().equalsIgnoreCase(text)) {
                return u;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new IllegalArgumentException("notifier: " + what + " is not a UUID: \"" + text + "\"");
    }
}
