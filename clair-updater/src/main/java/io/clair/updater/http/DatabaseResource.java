package io.clair.updater.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.clair.core.store.UpdaterStatus;
import io.clair.core.store.VulnerabilityStore;
import io.clair.updater.schedule.UpdateRunner;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * The vulnerability database's state and a way to refresh it now: {@code GET /api/v1/database} lists each updater's
 * last attempt, last success, fingerprint, record count and last error; {@code POST /api/v1/database/update} starts a
 * run in the background (202).
 */
@Path("/api/v1/database")
@Produces(MediaType.APPLICATION_JSON)
public class DatabaseResource {
    private final VulnerabilityStore store;
    private final UpdateRunner runner;

    DatabaseResource(VulnerabilityStore store, UpdateRunner runner) {
        this.store = store;
        this.runner = runner;
    }

    public record UpdaterView(@JsonProperty("Name") String name, @JsonProperty("LastAttempt") String lastAttempt,
            @JsonProperty("LastSuccess") String lastSuccess, @JsonProperty("LastRunSucceeded") boolean succeeded,
            @JsonProperty("Fingerprint") String fingerprint, @JsonProperty("Vulnerabilities") int vulnerabilities,
            @JsonProperty("LastError") String lastError) {
    }

    public record DatabaseView(@JsonProperty("Initialized") boolean initialized,
            @JsonProperty("Updating") boolean updating, @JsonProperty("Vulnerabilities") long vulnerabilities,
            @JsonProperty("Updaters") List<UpdaterView> updaters) {
    }

    @GET
    public DatabaseView status() {
        List<UpdaterView> views = store.statuses().stream().map(DatabaseResource::view).toList();
        long total = views.stream().mapToLong(UpdaterView::vulnerabilities).sum();
        return new DatabaseView(store.initialized(), runner.running(), total, views);
    }

    @POST
    @Path("update")
    public Response update() {
        boolean started = runner.startNow();
        return Response.accepted(java.util.Map.of("Message", started ? "update started" : "an update is already running"))
                .build();
    }

    private static UpdaterView view(UpdaterStatus s) {
        return new UpdaterView(s.updater(), s.lastAttempt() == null ? "" : s.lastAttempt().toString(),
                s.lastSuccess() == null ? "" : s.lastSuccess().toString(), s.lastRunSucceeded(), s.fingerprint(),
                s.vulnerabilities(), s.lastError());
    }
}
