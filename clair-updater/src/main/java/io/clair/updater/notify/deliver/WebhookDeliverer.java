package io.clair.updater.notify.deliver;

import io.clair.api.auth.PskSigner;
import io.clair.core.notify.Callback;
import io.clair.core.notify.Deliverer;
import io.clair.core.notify.DeliveryException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * Clair's webhook: POSTs {@code {"notification_id", "callback"}} to the target, with the configured headers and,
 * when a PSK is configured, {@code Authorization: Bearer <JWT>} signed as {@code clair-notifier}. Only HTTP 200 counts
 * as delivered (as in Clair; Quay answers 200), anything else is retried on the next delivery pass.
 */
public final class WebhookDeliverer implements Deliverer {
    /** The issuer Clair's notifier signs webhook calls with. */
    public static final String ISSUER = "clair-notifier";

    private final HttpClient http;
    private final URI target;
    private final String callbackBase;
    private final Map<String, String> headers;
    private final PskSigner signer;
    private final Duration timeout;

    /** @param signer signs each call, or null when no PSK is configured */
    public WebhookDeliverer(HttpClient http, URI target, String callbackBase, Map<String, String> headers,
            PskSigner signer, Duration timeout) {
        this.http = http;
        this.target = target;
        this.callbackBase = callbackBase;
        this.headers = Map.copyOf(headers);
        this.signer = signer;
        this.timeout = timeout;
        // fail at start-up, not at the first delivery
        Callback.of(callbackBase, UUID.randomUUID());
        HttpRequest.Builder probe = HttpRequest.newBuilder(target);
        this.headers.forEach((k, v) -> {
            try {
                probe.header(k, v);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("notifier: webhook: header " + k + " cannot be set: "
                        + e.getMessage(), e);
            }
        });
    }

    @Override
    public String name() {
        return "webhook";
    }

    @Override
    public boolean direct() {
        return false;
    }

    @Override
    public void deliver(UUID notificationId, Entries entries) throws DeliveryException {
        HttpRequest.Builder b = HttpRequest.newBuilder(target).timeout(timeout)
                .POST(HttpRequest.BodyPublishers.ofByteArray(Callback.of(callbackBase, notificationId).toJson()));
        headers.forEach(b::header);
        // set after the configured headers, so that neither can be overridden by mistake
        b.setHeader("Content-Type", "application/json");
        if (signer != null) {
            b.setHeader("Authorization", signer.authorizationHeader());
        }
        HttpResponse<String> r;
        try {
            r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new DeliveryException("notifier: webhook: POST " + target + " failed: " + Errors.describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException("notifier: webhook: interrupted while posting to " + target, e);
        }
        if (r.statusCode() != 200) {
            String body = r.body() == null ? "" : r.body().strip();
            throw new DeliveryException("notifier: webhook: " + target + " answered HTTP " + r.statusCode()
                    + (body.isEmpty() ? "" : ": " + (body.length() > 200 ? body.substring(0, 200) + "..." : body)));
        }
    }
}
