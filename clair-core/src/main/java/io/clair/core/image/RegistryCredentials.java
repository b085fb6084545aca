package io.clair.core.image;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Credentials for one registry: a user name and password (sent as HTTP Basic to the registry or to its token
 * service), or an identity token (an OAuth2 refresh token, exchanged at the token service as Docker does).
 * {@link #toString()} never shows the secrets.
 *
 * @param username      may be null with an identity token
 * @param password      may be null with an identity token
 * @param identityToken null unless {@code docker login} stored one
 */
public record RegistryCredentials(String username, String password, String identityToken) {
    public RegistryCredentials {
        if (identityToken == null && (username == null || password == null)) {
            throw new IllegalArgumentException("registry credentials: need a username and password or an identity"
                    + " token");
        }
    }

    /** User name and password. */
    public static RegistryCredentials basic(String username, String password) {
        return new RegistryCredentials(username, password, null);
    }

    /** An identity (refresh) token. */
    public static RegistryCredentials identityToken(String token) {
        return new RegistryCredentials(null, null, token);
    }

    boolean hasPassword() {
        return username != null && password != null;
    }

    /** The {@code Authorization} value for HTTP Basic. */
    String basicAuthorization() {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** Who these credentials are, for messages. */
    String who() {
        return identityToken != null ? "identity token" : "user " + username;
    }

    @Override
    public String toString() {
        return "RegistryCredentials[" + who() + "]";
    }
}
