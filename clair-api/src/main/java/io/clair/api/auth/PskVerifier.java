package io.clair.api.auth;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.HmacKey;

/**
 * Verifies inbound {@code Authorization: Bearer} tokens as Clair's PSK middleware does: HS256 with the shared key,
 * {@code exp}/{@code nbf}/{@code iat} checked with 15 s leeway, {@code iss} in the allow-list (always including
 * {@code clair-intraservice}); no audience or subject checks.
 */
public final class PskVerifier {
    private static final int LEEWAY_SECONDS = 15;
    private final JwtConsumer consumer;
    private final Set<String> issuers;

    public PskVerifier(PskKey key, List<String> allowedIssuers) {
        Set<String> iss = new LinkedHashSet<>();
        iss.add(PskSigner.INTRASERVICE_ISSUER);
        iss.addAll(allowedIssuers);
        this.issuers = Set.copyOf(iss);
        this.consumer = new JwtConsumerBuilder()
                .setVerificationKey(new HmacKey(key.bytes()))
                .setRelaxVerificationKeyValidation()
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                        AlgorithmIdentifiers.HMAC_SHA256)
                .setAllowedClockSkewInSeconds(LEEWAY_SECONDS)
                .setExpectedIssuers(true, iss.toArray(String[]::new))
                .setSkipDefaultAudienceValidation()
                .build();
    }

    public Set<String> issuers() {
        return issuers;
    }

    /** True when {@code authorizationHeader} is {@code Bearer <valid token>}. */
    public boolean verify(String authorizationHeader) {
        if (authorizationHeader == null) {
            return false;
        }
        String h = authorizationHeader.trim();
        if (h.length() < 7 || !h.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        try {
            consumer.processToClaims(h.substring(7).trim());
            return true;
        } catch (InvalidJwtException e) {
            return false;
        }
    }
}
