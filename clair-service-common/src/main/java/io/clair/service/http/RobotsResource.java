package io.clair.service.http;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Clair serves a robots.txt that disallows everything. */
@Path("/robots.txt")
public class RobotsResource {
    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String robots() {
        return "User-agent: *\nDisallow: /\n";
    }
}
