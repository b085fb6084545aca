package io.clair.service.http;

import io.clair.service.db.SchemaMigrator;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Clair's health endpoints on the main port: {@code /health} (Clair v2: 200 when the database answers, else 500),
 * {@code /healthz} (liveness) and {@code /readyz} (200 once migrations ran and the database answers, else 503).
 * Quarkus' own {@code /q/health} is also served.
 */
@Path("/")
public class HealthResource {
    private final DataSource dataSource;
    private final SchemaMigrator migrator;

    HealthResource(DataSource dataSource, SchemaMigrator migrator) {
        this.dataSource = dataSource;
        this.migrator = migrator;
    }

    @GET
    @Path("health")
    @Produces(MediaType.APPLICATION_JSON)
    public Response health() {
        boolean db = databaseAnswers();
        return Response.status(db ? 200 : 500).entity(java.util.Map.of("status", db ? "UP" : "DOWN",
                "database", db ? "UP" : "DOWN")).build();
    }

    @GET
    @Path("healthz")
    @Produces(MediaType.TEXT_PLAIN)
    public Response healthz() {
        return Response.ok("ok").build();
    }

    @GET
    @Path("readyz")
    @Produces(MediaType.TEXT_PLAIN)
    public Response readyz() {
        boolean ready = migrator.done() && databaseAnswers();
        return Response.status(ready ? 200 : 503).entity(ready ? "ok" : "not ready").build();
    }

    private boolean databaseAnswers() {
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }
}
