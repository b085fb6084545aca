package io.clair.indexer.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.clair.api.legacy.FeatureV1;
import io.clair.api.legacy.LayerEnvelope;
import io.clair.api.legacy.LayerV1;
import io.clair.api.legacy.VulnerabilitiesEnvelope;
import io.clair.api.mapping.LegacyMapper;
import io.clair.api.mapping.LegacyNames;
import io.clair.core.index.IndexReport;
import io.clair.core.index.LegacyLayer;
import io.clair.core.index.LegacyLayers;
import io.clair.core.manifest.Digest;
import io.clair.core.vuln.VulnerabilityReport;
import io.clair.service.http.ApiErrors;
import io.clair.service.roles.VulnerabilityReportSource;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Clair v2's layer API: post a layer on top of its parent, read its features (and their vulnerabilities), read its
 * vulnerabilities flat, delete it. Errors use v2's {@code {"Error":{"Message":...}}} body.
 */
@Path("/api/v1/layers")
@Produces(MediaType.APPLICATION_JSON)
public class LegacyLayerResource {
    /** What we report as Clair v2's engine version. */
    static final int INDEXED_BY_VERSION = 3;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LegacyLayers layers;
    private final VulnerabilityReportSource vulnerabilities;

    LegacyLayerResource(LegacyLayers layers, VulnerabilityReportSource vulnerabilities) {
        this.layers = layers;
        this.vulnerabilities = vulnerabilities;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response post(byte[] body) throws IOException {
        LayerEnvelope env = JSON.readValue(body, LayerEnvelope.class);
        if (env == null || env.layer() == null) {
            throw new IllegalArgumentException("expected {\"Layer\": {\"Name\", \"Path\", ...}}");
        }
        LayerV1 in = env.layer();
        try {
            LegacyLayers.View v = layers.post(in.name(), in.parentName(), in.path(), in.headers(), in.format());
            LegacyLayer l = v.layer();
            return Response.status(201).entity(new LayerEnvelope(new LayerV1(l.name(), null, l.path(), l.headers(),
                    l.parentName(), l.format(), INDEXED_BY_VERSION, null))).build();
        } catch (LegacyLayers.UnprocessableLayerException e) {
            return ApiErrors.response("/api/v1/layers", 422, e.getMessage());
        }
    }

    @GET
    @Path("{name}")
    public Response get(@PathParam("name") String name, @Context UriInfo uri) throws IOException {
        Optional<LegacyLayers.View> view = layers.get(name);
        if (view.isEmpty()) {
            return notFound(name);
        }
        boolean withVulns = uri.getQueryParameters().containsKey("vulnerabilities");
        boolean withFeatures = withVulns || uri.getQueryParameters().containsKey("features");
        LegacyLayers.View v = view.get();
        List<FeatureV1> features = null;
        if (withFeatures) {
            Optional<VulnerabilityReport> vr = withVulns ? vulnerabilityReport(v) : Optional.empty();
            features = LegacyMapper.features(v.report(), layerNames(v), vr.orElse(null));
        }
        return Response.ok(new LayerEnvelope(new LayerV1(v.layer().name(), namespace(v.report()), v.layer().path(),
                null, v.layer().parentName(), v.layer().format(), INDEXED_BY_VERSION, features))).build();
    }

    @GET
    @Path("{name}/vulnerabilities")
    public Response vulnerabilities(@PathParam("name") String name, @QueryParam("pageSize") Integer pageSize,
            @QueryParam("page") String page) throws IOException {
        Optional<LegacyLayers.View> view = layers.get(name);
        if (view.isEmpty()) {
            return notFound(name);
        }
        LegacyLayers.View v = view.get();
        var rows = LegacyMapper.layerVulnerabilities(LegacyMapper.features(v.report(), layerNames(v),
                vulnerabilityReport(v).orElse(null)));
        int from = 0;
        if (page != null && !page.isBlank()) {
            try {
                from = Integer.parseInt(page);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("page: not a page token: " + page);
            }
        }
        int size = pageSize == null || pageSize <= 0 ? rows.size() : pageSize;
        int to = Math.min(rows.size(), from + size);
        String next = to < rows.size() ? Integer.toString(to) : null;
        return Response.ok(new VulnerabilitiesEnvelope<>(rows.subList(Math.min(from, to), to), next)).build();
    }

    @DELETE
    @Path("{name}")
    public Response delete(@PathParam("name") String name) {
        List<String> deleted = layers.delete(name);
        return deleted.isEmpty() ? notFound(name) : Response.ok().build();
    }

    private Optional<VulnerabilityReport> vulnerabilityReport(LegacyLayers.View v) throws IOException {
        return vulnerabilities.get(v.layer().manifest());
    }

    private static Map<Digest, String> layerNames(LegacyLayers.View v) {
        Map<Digest, String> names = new LinkedHashMap<>();
        v.ancestry().forEach(l -> names.put(l.layer(), l.name()));
        return names;
    }

    private static String namespace(IndexReport r) {
        return r.distributions().values().stream().findFirst().map(d -> LegacyNames.namespace(d, null)).orElse(null);
    }

    private static Response notFound(String name) {
        return ApiErrors.response("/api/v1/layers", 404, "layer " + name + " not found");
    }
}
