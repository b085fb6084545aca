package io.clair.api.client;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clair.api.auth.PskSigner;
import io.clair.api.v4.AffectedManifestsDto;
import io.clair.api.v4.AffectedManifestsRequestDto;
import io.clair.api.v4.IndexReportDto;
import io.clair.api.v4.IndexStateDto;
import io.clair.api.v4.ManifestDto;
import io.clair.api.v4.UpdateDiffDto;
import io.clair.api.v4.UpdateOperationDto;
import io.clair.api.v4.VulnerabilityDto;
import io.clair.api.v4.VulnerabilityReportDto;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A small client for Clair's v4 HTTP API. Every call signs with the PSK when a signer is given. Non-success answers
 * raise {@link ClairApiException} carrying Clair's {@code {code, message}}.
 */
public final class ClairClient {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final HttpClient http;
    private final URI base;
    private final PskSigner signer;
    private final Duration timeout;

    /**
     * @param base   the server root, e.g. {@code http://localhost:6060/}
     * @param signer signs requests, or null when the server has no PSK configured
     */
    public ClairClient(HttpClient http, URI base, PskSigner signer, Duration timeout) {
        this.http = http;
        String b = base.toString();
        this.base = URI.create(b.endsWith("/") ? b : b + "/");
        this.signer = signer;
        this.timeout = timeout;
    }

    public ClairClient(URI base) {
        this(HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build(), base, null,
                Duration.ofMinutes(10));
    }

    public URI base() {
        return base;
    }

    /** Posts a manifest for indexing; blocks until the indexer has finished. */
    public IndexReportDto index(ManifestDto manifest) throws IOException {
        return send(request("indexer/api/v1/index_report").POST(body(manifest)).build(), IndexReportDto.class);
    }

    /** The stored index report, or empty when the indexer has none (404). */
    public Optional<IndexReportDto> indexReport(String digest) throws IOException {
        return optional(request("indexer/api/v1/index_report/" + digest).GET().build(), IndexReportDto.class);
    }

    public void deleteIndexReport(String digest) throws IOException {
        send(request("indexer/api/v1/index_report/" + digest).DELETE().build(), Void.class);
    }

    public IndexStateDto indexState() throws IOException {
        return send(request("indexer/api/v1/index_state").GET().build(), IndexStateDto.class);
    }

    public AffectedManifestsDto affectedManifests(List<VulnerabilityDto> vulns) throws IOException {
        return send(request("indexer/api/v1/internal/affected_manifest/")
                .POST(body(new AffectedManifestsRequestDto(vulns))).build(), AffectedManifestsDto.class);
    }

    /** The vulnerability report, or empty when the manifest is not indexed (404). */
    public Optional<VulnerabilityReportDto> vulnerabilityReport(String digest) throws IOException {
        return optional(request("matcher/api/v1/vulnerability_report/" + digest).GET().build(),
                VulnerabilityReportDto.class);
    }

    /**
     * The vulnerability report response exactly as the server sent it, whatever its status: for callers that must
     * see a 202 (matcher not initialized), the headers, or the body byte for byte (clairctl prints it unchanged).
     */
    public HttpResponse<String> vulnerabilityReportResponse(String digest) throws IOException {
        return exchange(request("matcher/api/v1/vulnerability_report/" + digest).GET().build());
    }

    public Map<String, List<UpdateOperationDto>> updateOperations(String kind, boolean latest) throws IOException {
        String q = "?kind=" + enc(kind) + (latest ? "&latest=true" : "");
        HttpResponse<String> r = exchange(request("matcher/api/v1/internal/update_operation" + q).GET().build());
        check(r);
        return JSON.readValue(r.body(), new TypeReference<Map<String, List<UpdateOperationDto>>>() { });
    }

    public UpdateDiffDto updateDiff(String prev, String cur) throws IOException {
        String q = "?cur=" + enc(cur) + (prev == null ? "" : "&prev=" + enc(prev));
        return send(request("matcher/api/v1/internal/update_diff" + q).GET().build(), UpdateDiffDto.class);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(timeout)
                .header("Accept", "application/json").header("Content-Type", "application/json");
        if (signer != null) {
            b.header("Authorization", signer.authorizationHeader());
        }
        return b;
    }

    private static HttpRequest.BodyPublisher body(Object o) throws IOException {
        return HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(o));
    }

    private <T> Optional<T> optional(HttpRequest req, Class<T> type) throws IOException {
        HttpResponse<String> r = exchange(req);
        if (r.statusCode() == 404) {
            return Optional.empty();
        }
        check(r);
        return Optional.of(JSON.readValue(r.body(), type));
    }

    private <T> T send(HttpRequest req, Class<T> type) throws IOException {
        HttpResponse<String> r = exchange(req);
        check(r);
        if (type == Void.class || r.body().isEmpty()) {
            return null;
        }
        return JSON.readValue(r.body(), type);
    }

    private HttpResponse<String> exchange(HttpRequest req) throws IOException {
        try {
            return http.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("clair: interrupted while calling " + req.uri(), e);
        } catch (java.net.ConnectException e) {
            throw new IOException("clair: cannot connect to " + base + ": connection refused", e);
        }
    }

    private static void check(HttpResponse<String> r) throws ClairApiException {
        int s = r.statusCode();
        if (s >= 200 && s < 300) {
            return;
        }
        String code = "";
        String message = "HTTP " + s + " from " + r.uri();
        try {
            JsonNode n = JSON.readTree(r.body());
            if (n != null && n.hasNonNull("message")) {
                code = n.path("code").asText("");
                message = n.get("message").asText() + " (HTTP " + s + ")";
            }
        } catch (IOException ignored) {
            // not JSON: keep the status line as the message
        }
        if (s == 401) {
            message = "unauthorized (HTTP 401) from " + r.uri() + ": check the PSK key and issuer";
        }
        throw new ClairApiException(s, code, message);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
