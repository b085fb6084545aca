package io.clair.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clair.api.mapping.V4Mapper;
import io.clair.core.image.ImageResolver;
import io.clair.core.image.ResolvedImage;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What Quay's security worker does, with tokens issued by {@code quay}: read the indexer state, post the manifest,
 * keep the ETag, read the vulnerability report; every response carries the fields Quay's client requires.
 */
class QuayFlowIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void indexStateIndexReportThenVulnerabilityReport() throws Exception {
        E2e e2e = E2e.get();
        ClairServer s = e2e.server;
        HttpResponse<String> state = s.get("/indexer/api/v1/index_state", "quay");
        assertThat(state.statusCode()).isEqualTo(200);
        String hash = JSON.readTree(state.body()).path("state").asText();
        assertThat(state.headers().firstValue("ETag")).contains("\"" + hash + "\"");

        String manifest;
        String digest;
        try (ResolvedImage image = ImageResolver.builder(ImageResolver.newHttpClient())
                .insecure(e2e.registry.host()).build().resolve(e2e.reference("alpine-two"))) {
            manifest = JSON.writeValueAsString(V4Mapper.manifest(image.manifest()));
            digest = image.manifest().hash().toString();
        }
        HttpResponse<String> indexed = s.post("/indexer/api/v1/index_report", manifest, "quay");
        assertThat(indexed.statusCode()).isEqualTo(201);
        String etag = indexed.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).isEqualTo("\"" + hash + "\"");
        JsonNode ir = JSON.readTree(indexed.body());
        for (String f : List.of("manifest_hash", "state", "packages", "distributions", "environments", "success",
                "err")) {
            assertThat(ir.has(f)).as(f).isTrue();
        }
        assertThat(ir.path("state").asText()).isEqualTo("IndexFinished");

        // Quay re-checks with the stored ETag: nothing changed
        HttpResponse<String> again = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(s.url().resolve("/indexer/api/v1/index_report/" + digest))
                        .header("Authorization", s.token("quay")).header("If-None-Match", etag).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(again.statusCode()).isEqualTo(304);

        HttpResponse<String> vr = s.get("/matcher/api/v1/vulnerability_report/" + digest, "quay");
        assertThat(vr.statusCode()).isEqualTo(200);
        JsonNode report = JSON.readTree(vr.body());
        for (String f : List.of("manifest_hash", "packages", "distributions", "environments", "vulnerabilities",
                "package_vulnerabilities")) {
            assertThat(report.has(f)).as(f).isTrue();
        }
        report.path("vulnerabilities").forEach(v -> {
            for (String f : List.of("id", "updater", "name", "description", "links", "severity",
                    "normalized_severity", "fixed_in_version")) {
                assertThat(v.has(f)).as(f).isTrue();
            }
        });
        assertThat(E2e.findingsOf(report)).isEqualTo(e2e.findings.get("alpine-two"));

        // a token from an issuer the server does not trust is refused with a bare 401
        assertThat(s.get("/indexer/api/v1/index_state", "someone-else").statusCode()).isEqualTo(401);
    }
}
