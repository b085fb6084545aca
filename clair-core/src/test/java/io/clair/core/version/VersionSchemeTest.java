package io.clair.core.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class VersionSchemeTest {

    @ParameterizedTest
    @ValueSource(strings = {"dpkg", "rpm", "apk", "pep440", "semver", "maven", "go", "gem"})
    void everyBuiltinSchemeIsFoundByName(String name) {
        assertThat(VersionScheme.of(name).name()).isEqualTo(name);
    }

    @Test
    void unknownSchemeIsRejected() {
        assertThatThrownBy(() -> VersionScheme.of("cargo")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cargo");
    }

    @Test
    void unparseableInputNamesSchemeAndInput() {
        Map<String, String> bad = Map.of("dpkg", "a1.0", "rpm", "a:1.0", "apk", "1.0bc", "pep440", "french toast",
                "semver", "1.2", "maven", " ", "go", "v1.2.03", "gem", "1.0 a");
        bad.forEach((scheme, input) -> assertThatThrownBy(() -> VersionScheme.of(scheme).compare(input, "1"))
                .isInstanceOf(InvalidVersionException.class)
                .hasMessageStartingWith(scheme + ": invalid version \"" + input + "\"")
                .satisfies(e -> assertThat(((InvalidVersionException) e).scheme()).isEqualTo(scheme)));
    }
}
