package io.clair.api.auth;

import java.time.Clock;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;

/**
 * Signs outbound requests the way Clair's services and clairctl do: HS256 over {@code iss}, {@code iat = now},
 * {@code nbf = now - 1m}, {@code exp = now + 1m}.
 */
public final class PskSigner {
    /** The issuer Clair's services use when they call each other. */
    public static final String INTRASERVICE_ISSUER = "clair-intraservice";

    private final PskKey key;
    private final String issuer;
    private final Clock clock;

    public PskSigner(PskKey key, String issuer, Clock clock) {
        this.key = key;
        this.issuer = issuer;
        this.clock = clock;
    }

    public PskSigner(PskKey key, String issuer) {
        this(key, issuer, Clock.systemUTC());
    }

    /** A fresh compact JWS for an {@code Authorization: Bearer} header. */
    public String token() {
        long now = clock.instant().getEpochSecond();
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setIssuedAt(NumericDate.fromSeconds(now));
        claims.setNotBefore(NumericDate.fromSeconds(now - 60));
        claims.setExpirationTime(NumericDate.fromSeconds(now + 60));
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
        jws.setKey(new HmacKey(key.bytes()));
        jws.setDoKeyValidation(false); // Clair accepts keys shorter than 256 bits; so must we
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("psk: cannot sign token: " + e.getMessage(), e);
        }
    }

    /** The header value, {@code Bearer <token>}. */
    public String authorizationHeader() {
        return "Bearer " + token();
    }
}
