package io.clair.indexer.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clair.api.mapping.V4Mapper;
import io.clair.api.v4.AffectedManifestsDto;
import io.clair.api.v4.MediaTypes;
import io.clair.api.v4.VulnerabilityDto;
import io.clair.core.manifest.Digest;
import io.clair.core.match.AffectedManifests;
import io.clair.core.vuln.Vulnerability;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The internal reverse lookup the notifier calls: which indexed manifests the given vulnerabilities affect. Takes
 * Clair's {@code {"vulnerabilities": [...]}} body and, as its OpenAPI document describes, a bare array.
 */
@Path("/indexer/api/v1/internal/affected_manifest")
public class AffectedManifestResource {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final AffectedManifests affected;

    AffectedManifestResource(AffectedManifests affected) {
        this.affected = affected;
    }

    @POST
    @Path("{slash: /?}")
    @Consumes(MediaType.WILDCARD)
    @Produces({MediaTypes.AFFECTED_MANIFESTS, MediaType.APPLICATION_JSON})
    public AffectedManifestsDto post(byte[] body) throws IOException {
        JsonNode root = JSON.readTree(body);
        JsonNode list = root == null ? null : root.isArray() ? root : root.get("vulnerabilities");
        if (list == null || !list.isArray()) {
            throw new IllegalArgumentException("affected_manifest: expected {\"vulnerabilities\": [...]}");
        }
        List<Vulnerability> vulns = new ArrayList<>();
        Map<String, VulnerabilityDto> byId = new LinkedHashMap<>();
        for (JsonNode n : list) {
            VulnerabilityDto dto = JSON.treeToValue(n, VulnerabilityDto.class);
            if (dto.id() == null || dto.id().isEmpty()) {
                throw new IllegalArgumentException("affected_manifest: every vulnerability needs an id");
            }
            byId.put(dto.id(), dto);
            vulns.add(V4Mapper.vulnerability(dto));
        }
        Map<String, List<String>> manifests = new LinkedHashMap<>();
        Map<Digest, List<Vulnerability>> found = affected.affected(vulns);
        Map<String, VulnerabilityDto> used = new LinkedHashMap<>();
        found.forEach((d, vs) -> {
            manifests.put(d.toString(), vs.stream().map(Vulnerability::id).distinct().toList());
            vs.forEach(v -> used.put(v.id(), byId.get(v.id())));
        });
        return new AffectedManifestsDto(used, manifests);
    }
}
