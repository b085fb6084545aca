package io.clair.api.v4;

import static net.javacrumbs.jsonunit.assertj.JsonAssertions.assertThatJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clair.api.legacy.LayerEnvelope;
import io.clair.api.mapping.V4Mapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Clair's JSON goes through our records (and through the core model) and comes out identical, and carries every
 * field Quay's client requires.
 */
class WireFormatTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String sample(String name) throws IOException {
        try (InputStream in = WireFormatTest.class.getResourceAsStream("/samples/" + name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Test
    void indexReportRoundTripsThroughDtoAndCoreModel() throws Exception {
        String json = sample("index_report.json");
        IndexReportDto dto = JSON.readValue(json, IndexReportDto.class);
        assertThatJson(JSON.writeValueAsString(dto)).isEqualTo(json);
        IndexReportDto again = V4Mapper.indexReport(V4Mapper.indexReport(dto));
        assertThatJson(JSON.writeValueAsString(again)).isEqualTo(json);
    }

    @Test
    void vulnerabilityReportRoundTripsThroughDtoAndCoreModel() throws Exception {
        String json = sample("vulnerability_report.json");
        VulnerabilityReportDto dto = JSON.readValue(json, VulnerabilityReportDto.class);
        assertThatJson(JSON.writeValueAsString(dto)).isEqualTo(json);
        VulnerabilityReportDto again = V4Mapper.vulnerabilityReport(V4Mapper.vulnerabilityReport(dto));
        assertThatJson(JSON.writeValueAsString(again)).isEqualTo(json);
    }

    @Test
    void quayRequiredFieldsArePresentEvenWhenEmpty() throws Exception {
        JsonNode ir = JSON.valueToTree(new IndexReportDto("sha256:" + "a".repeat(64), "IndexError", null, null, null,
                null, false, null));
        for (String f : List.of("manifest_hash", "state", "packages", "distributions", "environments", "success",
                "err")) {
            assertThat(ir.has(f)).as(f).isTrue();
        }
        assertThat(ir.get("packages").isObject()).isTrue();
        assertThat(ir.has("repository")).as("singular repository key").isTrue();
        JsonNode vr = JSON.valueToTree(new VulnerabilityReportDto("sha256:" + "a".repeat(64), null, null, null, null,
                null, null, null));
        assertThat(vr.get("manifest_hash").isTextual()).isTrue();
        for (String f : List.of("packages", "distributions", "environments", "vulnerabilities",
                "package_vulnerabilities")) {
            assertThat(vr.get(f)).as(f).isNotNull();
            assertThat(vr.get(f).isObject()).as(f + " is an object, never null").isTrue();
        }
        JsonNode v = JSON.valueToTree(new VulnerabilityDto("1", "u", "CVE-1", "", V4Mapper.ZERO_TIME, "", "", "Unknown",
                null, null, null, "", null, ""));
        for (String f : List.of("id", "updater", "name", "description", "links", "severity", "normalized_severity",
                "fixed_in_version")) {
            assertThat(v.has(f)).as(f).isTrue();
        }
        assertThat(v.has("arch_op")).as("empty arch_op is left out").isFalse();
    }

    @Test
    void legacyLayerEnvelopeRoundTripsWithPascalCase() throws Exception {
        String json = sample("legacy_layer.json");
        LayerEnvelope env = JSON.readValue(json, LayerEnvelope.class);
        assertThat(env.layer().features()).hasSize(1);
        assertThatJson(JSON.writeValueAsString(env)).isEqualTo(json);
    }

    @Test
    void manifestValidationNamesTheProblem() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> V4Mapper.manifest(new ManifestDto("", List.of())))
                .hasMessageContaining("missing \"hash\"");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> V4Mapper.manifest(
                new ManifestDto("sha256:" + "b".repeat(64), List.of()))).hasMessageContaining("no layers");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> V4Mapper.manifest(
                new ManifestDto("sha256:abc", List.of()))).hasMessageContaining("64 lowercase hex");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> V4Mapper.manifest(new ManifestDto(
                "sha256:" + "b".repeat(64), List.of(new LayerDto("sha256:" + "c".repeat(64), "", null, null)))))
                .hasMessageContaining("has no \"uri\"");
    }
}
