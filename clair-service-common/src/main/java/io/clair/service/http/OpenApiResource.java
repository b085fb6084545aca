package io.clair.service.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Serves the OpenAPI document of clair-api at {@code /openapi/v1}, as YAML or JSON depending on {@code Accept}. */
@Path("/openapi/v1")
public class OpenApiResource {
    private static final String YAML_RESOURCE = "openapi/clair-v1.yaml";
    private final String yaml;
    private final String json;
    private final String etag;

    OpenApiResource() {
        try (InputStream in = OpenApiResource.class.getClassLoader().getResourceAsStream(YAML_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("openapi: " + YAML_RESOURCE + " missing from clair-api");
            }
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            json = new ObjectMapper().writerWithDefaultPrettyPrinter()
                    .writeValueAsString(new ObjectMapper(new YAMLFactory()).readTree(yaml));
            etag = "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(yaml.getBytes(StandardCharsets.UTF_8))).substring(0, 32) + "\"";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @GET
    public Response get(@HeaderParam("Accept") String accept) {
        String a = accept == null ? "" : accept.toLowerCase(java.util.Locale.ROOT);
        boolean wantsYaml = a.contains("yaml") && !a.contains("json");
        return Response.ok(wantsYaml ? yaml : json, wantsYaml ? "application/openapi+yaml" : "application/openapi+json")
                .header("ETag", etag).build();
    }
}
