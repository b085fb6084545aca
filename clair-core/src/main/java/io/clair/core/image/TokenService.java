package io.clair.core.image;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Obtains a bearer token from the token service a registry's {@code Bearer} challenge names (the Docker token
 * protocol): {@code GET realm?service=..&scope=..}, anonymous or with HTTP Basic credentials; or, with an identity
 * token, the OAuth2 refresh-token grant ({@code POST realm}, form {@code grant_type=refresh_token}) as Docker does.
 */
final class TokenService {
    private static final Logger log = LoggerFactory.getLogger(TokenService.class);
    private static final int MAX_BODY = 1 << 20;

    private TokenService() {
    }

    /**
     * @param registry     the registry host, for messages
     * @param defaultScope used when the challenge names none
     * @param credentials  null for an anonymous token
     * @param cleartextOk  whether credentials may go to a plain-HTTP realm (only when the registry itself is plain)
     * @return the token
     */
    static String fetch(HttpClient http, Duration timeout, String registry, AuthChallenge challenge,
                        String defaultScope, RegistryCredentials credentials, boolean cleartextOk) throws IOException {
        String realm = challenge.param("realm");
        if (realm == null) {
            throw new IOException("registry: " + registry + " sent a Bearer challenge without a realm");
        }
        URI realmUri;
        try {
            realmUri = URI.create(realm);
        } catch (IllegalArgumentException e) {
            throw new IOException("registry: " + registry + " names an invalid token realm \"" + realm + "\"", e);
        }
        if (!"https".equalsIgnoreCase(realmUri.getScheme()) && !"http".equalsIgnoreCase(realmUri.getScheme())) {
            throw new IOException("registry: " + registry + " names a token realm that is not HTTP: " + realm);
        }
        if (credentials != null && "http".equalsIgnoreCase(realmUri.getScheme()) && !cleartextOk) {
            throw new IOException("registry: refusing to send credentials for " + registry
                    + " to the plain-HTTP token service " + realm);
        }
        String scope = challenge.param("scope") != null ? challenge.param("scope") : defaultScope;
        List<String> query = new ArrayList<>();
        if (challenge.param("service") != null) {
            query.add("service=" + enc(challenge.param("service")));
        }
        query.add("scope=" + enc(scope));
        HttpRequest.Builder req;
        if (credentials != null && credentials.identityToken() != null) {
            query.add("grant_type=refresh_token");
            query.add("client_id=clair");
            query.add("refresh_token=" + enc(credentials.identityToken()));
            req = HttpRequest.newBuilder(realmUri).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(String.join("&", query)));
        } else {
            if (credentials != null) {
                query.add("account=" + enc(credentials.username()));
            }
            req = HttpRequest.newBuilder(URI.create(realm + (realm.contains("?") ? "&" : "?")
                    + String.join("&", query))).GET();
            if (credentials != null) {
                req.header("Authorization", credentials.basicAuthorization());
            }
        }
        RegistryHttp.Response res = RegistryHttp.send(http, req.timeout(timeout).build(), "token service " + realm);
        int status = res.statusCode();
        if (status == 401 || status == 403) {
            throw new IOException("registry: token service " + realm + " refused "
                    + (credentials == null ? "an anonymous token" : "the credentials of " + credentials.who())
                    + " for " + registry + " (" + status + RegistryHttp.errorDetail(res.body()) + ")");
        }
        if (status != 200) {
            throw new IOException("registry: token service " + realm + " returned " + status
                    + RegistryHttp.errorDetail(res.body()));
        }
        String token = token(res.body(), realm);
        log.atDebug().addKeyValue("registry", registry).addKeyValue("realm", realm).addKeyValue("scope", scope)
                .addKeyValue("anonymous", credentials == null).log("registry: obtained bearer token");
        return token;
    }

    private static String token(byte[] body, String realm) throws IOException {
        if (body.length > MAX_BODY) {
            throw new IOException("registry: token service " + realm + " sent an oversized response");
        }
        JsonNode json;
        try {
            json = ImageDocument.JSON.readTree(body);
        } catch (IOException e) {
            throw new IOException("registry: token service " + realm + " sent invalid JSON: " + e.getMessage(), e);
        }
        for (String field : List.of("token", "access_token")) {
            JsonNode t = json == null ? null : json.get(field);
            if (t != null && t.isTextual() && !t.asText().isEmpty()) {
                return t.asText();
            }
        }
        throw new IOException("registry: token service " + realm + " sent no token");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
