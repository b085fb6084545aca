package io.clair.service.http;

import io.clair.api.auth.PskKey;
import io.clair.api.auth.PskVerifier;
import io.clair.service.config.AuthConfig;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Rejects API requests without a valid PSK-signed bearer token when a key is configured, with a bare 401 as Clair
 * does. Health, metrics and robots.txt stay open: Clair serves them on its unauthenticated introspection port.
 */
@Singleton
public class PskAuthFilter {
    private static final List<String> OPEN = List.of("/robots.txt", "/health", "/healthz", "/readyz", "/metrics",
            "/q/", "/openapi");
    private final Provider<AuthConfig> config;
    private volatile Optional<PskVerifier> verifier;

    // The configuration is read on the first request: filters are built before runtime configuration exists.
    PskAuthFilter(Provider<AuthConfig> config) {
        this.config = config;
    }

    private Optional<PskVerifier> verifier() {
        Optional<PskVerifier> v = verifier;
        if (v == null) {
            AuthConfig c = config.get();
            v = c.psk().key().filter(k -> !k.isBlank())
                    .map(k -> new PskVerifier(PskKey.fromBase64(k), c.psk().issuers().orElse(List.of())));
            verifier = v;
        }
        return v;
    }

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> authenticate(ContainerRequestContext ctx) {
        PskVerifier verifier = verifier().orElse(null);
        if (verifier == null) {
            return Optional.empty();
        }
        String path = ctx.getUriInfo().getRequestUri().getRawPath();
        for (String open : OPEN) {
            if (path.equals(open) || (open.endsWith("/") && path.startsWith(open))) {
                return Optional.empty();
            }
        }
        if (verifier.verify(ctx.getHeaderString(HttpHeaders.AUTHORIZATION))) {
            return Optional.empty();
        }
        return Optional.of(Response.status(Response.Status.UNAUTHORIZED).build());
    }
}
