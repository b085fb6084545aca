package io.clair.service.http;

import io.clair.api.legacy.ErrorEnvelope;
import io.clair.api.v4.ErrorDto;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Error responses in the shape the caller's API expects: Clair v2's {@code {"Error":{"Message":...}}} under
 * {@code /api/v1/}, Clair v4's {@code {"code":...,"message":...}} everywhere else.
 */
public final class ApiErrors {
    private ApiErrors() {
    }

    public static boolean isLegacyPath(String path) {
        return path != null && (path.startsWith("/api/v1/") || path.equals("/api/v1"));
    }

    public static Response response(String path, int status, String message) {
        Object body = isLegacyPath(path) ? ErrorEnvelope.of(message) : new ErrorDto(ErrorDto.codeFor(status), message);
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }
}
