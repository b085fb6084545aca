package io.clair.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.HmacKey;
import org.junit.jupiter.api.Test;

class PskTest {
    private static final String KEY_B64 = Base64.getEncoder().encodeToString("a shared secret for tests".getBytes());
    private final PskKey key = PskKey.fromBase64(KEY_B64);
    private final PskVerifier verifier = new PskVerifier(key, List.of("quay"));

    @Test
    void acceptsIntraserviceAndConfiguredIssuers() {
        assertThat(verifier.verify(new PskSigner(key, "clair-intraservice").authorizationHeader())).isTrue();
        assertThat(verifier.verify(new PskSigner(key, "quay").authorizationHeader())).isTrue();
        assertThat(verifier.issuers()).containsExactlyInAnyOrder("clair-intraservice", "quay");
    }

    @Test
    void acceptsQuaysTokenShape() throws Exception {
        // Quay signs only iss and exp (now + 5 min)
        JwtClaims claims = new JwtClaims();
        claims.setIssuer("quay");
        claims.setExpirationTime(NumericDate.fromSeconds(Instant.now().getEpochSecond() + 300));
        assertThat(verifier.verify("Bearer " + sign(claims, key.bytes()))).isTrue();
    }

    @Test
    void rejectsUnknownIssuerWrongKeyMissingHeaderAndGarbage() {
        assertThat(verifier.verify(new PskSigner(key, "someone-else").authorizationHeader())).isFalse();
        PskKey other = PskKey.fromBase64(Base64.getEncoder().encodeToString("another secret".getBytes()));
        assertThat(verifier.verify(new PskSigner(other, "quay").authorizationHeader())).isFalse();
        assertThat(verifier.verify(null)).isFalse();
        assertThat(verifier.verify("Basic Zm9vOmJhcg==")).isFalse();
        assertThat(verifier.verify("Bearer not.a.jwt")).isFalse();
    }

    @Test
    void expiryHasFifteenSecondsOfLeeway() {
        Instant past = Instant.now().minusSeconds(60 + 10);
        String within = new PskSigner(key, "quay", Clock.fixed(past, ZoneOffset.UTC)).authorizationHeader();
        assertThat(verifier.verify(within)).as("expired 10 s ago").isTrue();
        Instant older = Instant.now().minusSeconds(60 + 40);
        String beyond = new PskSigner(key, "quay", Clock.fixed(older, ZoneOffset.UTC)).authorizationHeader();
        assertThat(verifier.verify(beyond)).as("expired 40 s ago").isFalse();
    }

    @Test
    void rejectsUnsignedTokens() throws Exception {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer("quay");
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.NONE);
        jws.setAlgorithmConstraints(org.jose4j.jwa.AlgorithmConstraints.NO_CONSTRAINTS);
        assertThat(verifier.verify("Bearer " + jws.getCompactSerialization())).isFalse();
    }

    private static String sign(JwtClaims claims, byte[] key) throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
        jws.setKey(new HmacKey(key));
        jws.setDoKeyValidation(false);
        return jws.getCompactSerialization();
    }
}
