package io.clair.matcher.http;

import io.clair.api.mapping.V4Mapper;
import io.clair.api.v4.MediaTypes;
import io.clair.api.v4.UpdateDiffDto;
import io.clair.api.v4.UpdateOperationDto;
import io.clair.core.store.VulnerabilityStore;
import io.clair.core.vuln.UpdateDiff;
import io.clair.core.vuln.UpdateKind;
import io.clair.core.vuln.UpdateOperation;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The matcher's internal update-operation API, which the notifier polls. */
@Path("/matcher/api/v1/internal")
public class UpdateOperationResource {
    private final VulnerabilityStore store;

    UpdateOperationResource(VulnerabilityStore store) {
        this.store = store;
    }

    @GET
    @Path("update_operation")
    @Produces({MediaTypes.UPDATE_OPERATIONS, MediaType.APPLICATION_JSON})
    public Response operations(@QueryParam("kind") String kind, @QueryParam("latest") boolean latest,
            @HeaderParam("If-None-Match") String ifNoneMatch) {
        UpdateKind k = kind == null || kind.isEmpty() ? UpdateKind.VULNERABILITY : UpdateKind.fromWire(kind);
        Map<String, List<UpdateOperation>> ops = store.updateOperations(k, latest);
        String newest = ops.values().stream().flatMap(List::stream)
                .max(Comparator.comparing(UpdateOperation::date)).map(o -> "\"" + o.ref() + "\"").orElse("\"\"");
        if (newest.equals(ifNoneMatch)) {
            return Response.notModified().header("ETag", newest).build();
        }
        Map<String, List<UpdateOperationDto>> body = new LinkedHashMap<>();
        ops.forEach((u, l) -> body.put(u, l.stream().map(V4Mapper::updateOperation).toList()));
        return Response.ok(body).header("ETag", newest).build();
    }

    @DELETE
    @Path("update_operation/{ref}")
    public Response delete(@PathParam("ref") String ref) {
        store.deleteUpdateOperation(uuid(ref));
        return Response.ok().build();
    }

    @GET
    @Path("update_diff")
    @Produces({MediaTypes.UPDATE_DIFF, MediaType.APPLICATION_JSON})
    public UpdateDiffDto diff(@QueryParam("cur") String cur, @QueryParam("prev") String prev) {
        if (cur == null || cur.isEmpty()) {
            throw new IllegalArgumentException("update_diff: \"cur\" is required");
        }
        UpdateDiff d = store.diff(prev == null || prev.isEmpty() ? null : uuid(prev), uuid(cur));
        return new UpdateDiffDto(V4Mapper.updateOperation(d.prev()), V4Mapper.updateOperation(d.cur()),
                d.added().stream().map(V4Mapper::vulnerability).toList(),
                d.removed().stream().map(V4Mapper::vulnerability).toList());
    }

    private static UUID uuid(String s) {
        try {
            return UUID.fromString(s);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not an update operation reference: " + s, e);
        }
    }
}
