package io.clair.updater;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clair.api.auth.PskKey;
import io.clair.api.auth.PskSigner;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What Quay's security notification worker does with a webhook's callback: GET the pages, following
 * {@code page.next}, then DELETE the notification; every request signed with the PSK as issuer {@code quay}, with
 * Quay's 30 second timeout. Only {@code page_size} is ours: Quay leaves it at the default.
 */
final class QuayWorker {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final PskSigner signer = new PskSigner(PskKey.fromBase64(NotifierPeers.PSK), "quay");

    /** The entries of a notification and how many pages they took. */
    record Fetched(List<JsonNode> notifications, List<JsonNode> pages) {
    }

    Fetched fetch(String callback, int pageSize) throws IOException, InterruptedException {
        List<JsonNode> entries = new ArrayList<>();
        List<JsonNode> pages = new ArrayList<>();
        String next = null;
        do {
            String url = callback + "?page_size=" + pageSize
                    + (next == null ? "" : "&next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(url)).GET());
            if (r.statusCode() != 200) {
                throw new IOException("quay: GET " + url + " answered " + r.statusCode() + ": " + r.body());
            }
            JsonNode page = JSON.readTree(r.body());
            pages.add(page);
            page.get("notifications").forEach(entries::add);
            next = page.get("page").hasNonNull("next") ? page.get("page").get("next").asText() : null;
        } while (next != null && pages.size() < 100);
        return new Fetched(entries, pages);
    }

    int get(String callback) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(callback)).GET()).statusCode();
    }

    int delete(String callback) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(callback)).DELETE()).statusCode();
    }

    private HttpResponse<String> send(HttpRequest.Builder b) throws IOException, InterruptedException {
        return http.send(b.timeout(Duration.ofSeconds(30)).header("Authorization", signer.authorizationHeader())
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
    }
}
