package io.clair.core.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link Platform} parsing and the normalization used to match index entries (containerd's rules). */
class ImagePlatformTest {
    @ParameterizedTest(name = "{0} ~ {1}: {2}")
    @CsvSource({
        "linux/amd64,      linux/amd64,      true",
        "linux/amd64,      linux/x86_64,     true",
        "linux/amd64,      linux/amd64/v1,   true",
        "linux/amd64,      linux/amd64/v3,   false",
        "linux/amd64,      windows/amd64,    false",
        "linux/arm64,      linux/arm64/v8,   true",
        "linux/aarch64,    linux/arm64/v8,   true",
        "linux/arm64/v8,   linux/arm64,      true",
        "linux/arm,        linux/arm/v7,     true",
        "linux/arm/v7,     linux/arm,        true",
        "linux/arm/v6,     linux/arm/v7,     false",
        "linux/arm,        linux/arm/v6,     false",
        "linux/armhf,      linux/arm/v7,     true",
        "linux/armel,      linux/arm/v6,     true",
        "linux/386,        linux/i386,       true",
        "linux/s390x,      linux/amd64,      false",
    })
    void matchesAfterNormalization(String wanted, String entry, boolean matches) {
        assertThat(Platform.parse(wanted).matches(Platform.parse(entry))).isEqualTo(matches);
    }

    @ParameterizedTest
    @ValueSource(strings = {"linux", "linux/", "/amd64", "linux/arm/v7/x", "linux/arm/"})
    void rejectsWhatIsNotOsArchVariant(String text) {
        assertThatThrownBy(() -> Platform.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("platform: \"" + text + "\" is not os/arch[/variant]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"linux/amd64", "linux/arm/v7", "windows/amd64"})
    void printsAsParsed(String text) {
        assertThat(Platform.parse(text)).hasToString(text);
    }
}
