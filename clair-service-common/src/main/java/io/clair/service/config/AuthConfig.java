package io.clair.service.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;
import java.util.List;
import java.util.Optional;

/**
 * Pre-shared-key authentication, as Clair's {@code auth.psk}. When no key is set, requests are not authenticated.
 */
@ConfigMapping(prefix = "clair.auth")
public interface AuthConfig {

    Psk psk();

    interface Psk {
        /** Base64 HS256 key shared with callers such as Quay ({@code SECURITY_SCANNER_V4_PSK}); unset: auth off. */
        Optional<String> key();

        /** Issuers accepted besides {@code clair-intraservice}, e.g. {@code quay,clairctl}. */
        @WithName("iss")
        Optional<List<String>> issuers();
    }
}
