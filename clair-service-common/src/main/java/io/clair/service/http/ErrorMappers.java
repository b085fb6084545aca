package io.clair.service.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every failure into Clair's error body (see {@link ApiErrors}); unexpected exceptions become a 500 whose
 * message carries no stack trace, while the log keeps the detail.
 */
public class ErrorMappers {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMappers.class);

    @ServerExceptionMapper
    public Response badJson(JsonProcessingException e, UriInfo uri) {
        return ApiErrors.response(uri.getPath(), 400, "malformed JSON: " + e.getOriginalMessage());
    }

    @ServerExceptionMapper
    public Response badArgument(IllegalArgumentException e, UriInfo uri) {
        return ApiErrors.response(uri.getPath(), 400, e.getMessage());
    }

    @ServerExceptionMapper
    public Response notAcceptable(NotAcceptableException e, UriInfo uri) {
        // Clair answers 415 when no media type it can produce matches Accept
        return ApiErrors.response(uri.getPath(), 415, "no acceptable media type; this endpoint produces "
                + "application/json and its Clair vendor type");
    }

    @ServerExceptionMapper
    public Response unsupported(NotSupportedException e, UriInfo uri) {
        return ApiErrors.response(uri.getPath(), 415, "unsupported media type");
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (e.getResponse().hasEntity()) {
            return e.getResponse();
        }
        String message = e.getMessage() == null ? Response.Status.fromStatusCode(status).getReasonPhrase()
                : e.getMessage();
        return ApiErrors.response(uri.getPath(), status, message);
    }

    @ServerExceptionMapper
    public Response notReady(io.clair.service.roles.VulnerabilityReportSource.NotReadyException e, UriInfo uri) {
        return ApiErrors.response(uri.getPath(), 503, e.getMessage());
    }

    @ServerExceptionMapper
    public Response unreachable(java.io.IOException e, UriInfo uri) {
        LOG.atWarn().addKeyValue("path", uri.getPath()).addKeyValue("err", e.getMessage()).log("backend call failed");
        return ApiErrors.response(uri.getPath(), 502, e.getMessage());
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        LOG.atError().addKeyValue("path", uri.getPath()).setCause(e).log("request failed");
        return ApiErrors.response(uri.getPath(), 500, "internal error: " + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    }
}
