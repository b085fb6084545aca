package io.clair.core.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code WWW-Authenticate} values as real registries send them. */
class RegistryChallengeTest {
    @Test
    void dockerHubBearer() {
        assertThat(AuthChallenge.parse("Bearer realm=\"https://auth.docker.io/token\",service=\"registry.docker.io\","
                + "scope=\"repository:library/alpine:pull\"")).containsExactly(new AuthChallenge("bearer", Map.of(
                "realm", "https://auth.docker.io/token", "service", "registry.docker.io",
                "scope", "repository:library/alpine:pull")));
    }

    @Test
    void distributionInsufficientScopeCarriesTheError() {
        // what docker-registry 2.8 sends when the token lacks the action
        List<AuthChallenge> cs = AuthChallenge.parse("Bearer realm=\"http://127.0.0.1:5001/token\","
                + "service=\"clair-test-registry\",scope=\"repository:private/alpine:pull\","
                + "error=\"insufficient_scope\"");
        assertThat(cs).singleElement().satisfies(c -> {
            assertThat(c.param("error")).isEqualTo("insufficient_scope");
            assertThat(c.param("scope")).isEqualTo("repository:private/alpine:pull");
        });
    }

    @Test
    void quayBearerWithoutScopeAndBasic() {
        assertThat(AuthChallenge.parse("Bearer realm=\"https://quay.io/v2/auth\",service=\"quay.io\""))
                .containsExactly(new AuthChallenge("bearer", Map.of("realm", "https://quay.io/v2/auth",
                        "service", "quay.io")));
        assertThat(AuthChallenge.parse("Basic realm=\"clair-test\""))
                .containsExactly(new AuthChallenge("basic", Map.of("realm", "clair-test")));
    }

    @Test
    void severalChallengesSpacesAndEscapes() {
        assertThat(AuthChallenge.parse("Basic realm=\"a b\", bearer  realm = \"https://x/token\" ,"
                + " service=reg, error_description=\"say \\\"hi\\\"\"")).containsExactly(
                new AuthChallenge("basic", Map.of("realm", "a b")),
                new AuthChallenge("bearer", Map.of("realm", "https://x/token", "service", "reg",
                        "error_description", "say \"hi\"")));
    }

    @Test
    void nothingToParse() {
        assertThat(AuthChallenge.parse(null)).isEmpty();
        assertThat(AuthChallenge.parse("  ")).isEmpty();
    }
}
