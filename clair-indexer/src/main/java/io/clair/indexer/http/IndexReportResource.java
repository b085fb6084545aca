package io.clair.indexer.http;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clair.api.mapping.V4Mapper;
import io.clair.api.v4.IndexStateDto;
import io.clair.api.v4.ManifestDto;
import io.clair.api.v4.MediaTypes;
import io.clair.core.index.IndexReport;
import io.clair.core.index.Indexer;
import io.clair.core.manifest.Digest;
import io.clair.core.manifest.Manifest;
import io.clair.service.http.ApiErrors;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Clair v4's indexer API: index a manifest, read or delete its report, read the indexer state. Request bodies are
 * decoded whatever their Content-Type, as Clair does.
 */
@Path("/indexer/api/v1")
public class IndexReportResource {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REPORT_PATH = "/indexer/api/v1/index_report/";

    private final Indexer indexer;
    private final RequestLimiter limiter;

    IndexReportResource(Indexer indexer, RequestLimiter limiter) {
        this.indexer = indexer;
        this.limiter = limiter;
    }

    @POST
    @Path("index_report")
    @Consumes(MediaType.WILDCARD)
    @Produces({MediaTypes.INDEX_REPORT, MediaType.APPLICATION_JSON})
    public Response index(byte[] body, @HeaderParam("If-None-Match") String ifNoneMatch) throws Exception {
        Manifest manifest = V4Mapper.manifest(JSON.readValue(body, ManifestDto.class));
        if (EntityTags.matches(ifNoneMatch, indexer.state())) {
            return ApiErrors.response(REPORT_PATH, 412, "indexer state unchanged");
        }
        Optional<AutoCloseable> slot = limiter.acquire();
        if (slot.isEmpty()) {
            return ApiErrors.response(REPORT_PATH, 429, "too many index requests in flight; retry later");
        }
        IndexReport report;
        try (AutoCloseable held = slot.get()) {
            report = indexer.index(manifest);
        }
        String self = REPORT_PATH + manifest.hash();
        return Response.status(201).entity(V4Mapper.indexReport(report))
                .header("ETag", EntityTags.quote(indexer.state()))
                .header("Location", self)
                .header("Link", "<" + self + ">; rel=\"https://projectquay.io/clair/v1/index_report\"")
                .header("Link", "</matcher/api/v1/vulnerability_report/" + manifest.hash()
                        + ">; rel=\"https://projectquay.io/clair/v1/vulnerability_report\"")
                .build();
    }

    @GET
    @Path("index_report/{digest}")
    @Produces({MediaTypes.INDEX_REPORT, MediaType.APPLICATION_JSON})
    public Response report(@PathParam("digest") String digest, @HeaderParam("If-None-Match") String ifNoneMatch) {
        // Clair answers 304 before looking the report up: clients use it to learn the state did not change
        if (EntityTags.matches(ifNoneMatch, indexer.state())) {
            return Response.notModified().header("ETag", EntityTags.quote(indexer.state())).build();
        }
        Digest d = Digest.parse(digest);
        return indexer.report(d)
                .map(r -> Response.ok(V4Mapper.indexReport(r)).header("ETag", EntityTags.quote(indexer.state()))
                        .build())
                .orElseGet(() -> ApiErrors.response(REPORT_PATH, 404, "index report not found"));
    }

    @DELETE
    @Path("index_report/{digest}")
    public Response delete(@PathParam("digest") String digest) {
        indexer.delete(List.of(Digest.parse(digest)));
        return Response.noContent().build();
    }

    @DELETE
    @Path("index_report")
    @Consumes(MediaType.WILDCARD)
    @Produces({MediaTypes.BULK_DELETE, MediaType.APPLICATION_JSON})
    public List<String> deleteMany(byte[] body) throws IOException {
        List<String> digests = JSON.readValue(body, new TypeReference<List<String>>() { });
        List<Digest> parsed = new ArrayList<>();
        for (String s : digests) {
            parsed.add(Digest.parse(s));
        }
        return indexer.delete(parsed).stream().map(Digest::toString).toList();
    }

    @GET
    @Path("index_state")
    @Produces({MediaTypes.INDEX_STATE, MediaType.APPLICATION_JSON})
    public Response state(@HeaderParam("If-None-Match") String ifNoneMatch) {
        String etag = EntityTags.quote(indexer.state());
        if (EntityTags.matches(ifNoneMatch, indexer.state())) {
            return Response.notModified().header("ETag", etag).build();
        }
        return Response.ok(new IndexStateDto(indexer.state())).header("ETag", etag).build();
    }
}
