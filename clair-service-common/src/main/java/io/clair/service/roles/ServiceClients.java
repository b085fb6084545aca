package io.clair.service.roles;

import io.clair.api.auth.PskKey;
import io.clair.api.auth.PskSigner;
import io.clair.api.client.ClairClient;
import io.clair.service.config.AuthConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;

/** Clients for calls between services, signed as {@code clair-intraservice} when a PSK is configured. */
public final class ServiceClients {
    private ServiceClients() {
    }

    public static ClairClient client(String url, AuthConfig auth) {
        PskSigner signer = auth.psk().key().filter(k -> !k.isBlank())
                .map(k -> new PskSigner(PskKey.fromBase64(k), PskSigner.INTRASERVICE_ISSUER)).orElse(null);
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(10)).build();
        return new ClairClient(http, URI.create(url), signer, Duration.ofMinutes(10));
    }
}
