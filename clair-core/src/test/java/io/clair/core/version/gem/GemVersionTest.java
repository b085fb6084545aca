package io.clair.core.version.gem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clair.core.version.InvalidVersionException;
import io.clair.core.version.VersionScheme;
import java.math.BigInteger;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The {@code gem} scheme. Ruby is not installed here to act as an oracle, so the vectors are RubyGems' own
 * {@code test/rubygems/test_gem_version.rb} (ruby/rubygems, commit c13f3d00). That file's newest hyphen rule
 * ({@code 1.0.0-beta.1} equal to {@code 1.0.0.beta.1}, ruby/rubygems#9910) is not followed: like claircore, this is
 * the long-standing {@code -} → {@code .pre.} reading, so those lines are left out.
 */
class GemVersionTest {

    /** {a, expected sign of a <=> b, b}: test_spaceship, test_semver, test_equals2, test_sort_key_*. */
    static final String[][] SPACESHIP = {
        {"1.0", "0", "1.0.0"}, {"1.0", "1", "1.0.a"}, {"1.8.2", "1", "0.0.0"}, {"1.8.2", "1", "1.8.2.a"},
        {"1.8.2.b", "1", "1.8.2.a"}, {"1.8.2.a", "-1", "1.8.2"}, {"1.8.2.a10", "1", "1.8.2.a9"}, {"", "0", "0"},
        {"0.beta.1", "0", "0.0.beta.1"}, {"0.0.beta", "-1", "0.0.beta.1"}, {"0.0.beta", "-1", "0.beta.1"},
        {"5.a", "-1", "5.0.0.rc2"}, {"5.x", "1", "5.0.0.rc2"},
        {"1.9.3", "0", "1.9.3"}, {"1.9.3", "1", "1.9.2.99"}, {"1.9.3", "-1", "1.9.3.1"},
        {"1.0.0-alpha", "-1", "1.0.0-alpha.1"}, {"1.0.0-alpha.1", "-1", "1.0.0-beta.2"},
        {"1.0.0-beta.2", "-1", "1.0.0-beta.11"}, {"1.0.0-beta.11", "-1", "1.0.0-rc.1"}, {"1.0.0-rc1", "-1", "1.0.0"},
        {"1.0.0-1", "-1", "1"}, {"1.2", "0", "1.2"}, {"1.2", "-1", "1.3"}, {"1.2.b1", "0", "1.2.b.1"},
        {"1.0.0", "1", "0.0.1.20220404083012"}, {"0.7.0", "1", "0.6.63000"}, {"18.0.1", "-1", "18.0.2"},
        {"1.freeze.test", "-1", "1"}, {"1.2", "0", "1.2.0"}, {"1.2.pre.1", "0", "1.2.0.pre.1.0"},
    };

    @TestFactory
    Stream<DynamicTest> spaceship() {
        VersionScheme gem = VersionScheme.of("gem");
        return Stream.of(SPACESHIP).map(t -> DynamicTest.dynamicTest(
                "test_gem_version.rb " + t[0] + " <=> " + t[2] + " == " + t[1], () -> {
                    assertThat(gem.compare(t[0], t[2])).isEqualTo(Integer.parseInt(t[1]));
                    assertThat(gem.compare(t[2], t[0])).isEqualTo(-Integer.parseInt(t[1]));
                }));
    }

    @Test
    void initializeTrimsAndEmptyIsZero() {
        for (String good : List.of("1.0", "1.0 ", " 1.0 ", "1.0\n", "\n1.0\n")) {
            assertThat(VersionScheme.of("gem").compare(good, "1.0")).isZero();
        }
        for (String empty : List.of("", "   ", " ")) {
            assertThat(GemVersion.parse(empty).text()).isEqualTo("0");
        }
    }

    @Test
    void malformedVersionsAreRejected() {
        for (String bad : List.of("junk", "1.0\n2.0", "1..2", "1.2 3.4",
                "2.3422222.222.222222222.22222.ads0as.dasd0.ddd2222.2.qd3e.")) {
            assertThatThrownBy(() -> GemVersion.parse(bad)).isInstanceOf(InvalidVersionException.class)
                    .hasMessageContaining("malformed version number string");
        }
    }

    @Test
    void prerelease() {
        for (String p : List.of("1.2.0.a", "2.9.b", "22.1.50.0.d", "1.2.d.42", "1.A", "1-1", "1-a")) {
            assertThat(GemVersion.parse(p).isPrerelease()).as(p).isTrue();
        }
        for (String r : List.of("1.2.0", "2.9", "22.1.50.0")) {
            assertThat(GemVersion.parse(r).isPrerelease()).as(r).isFalse();
        }
    }

    @Test
    void canonicalSegments() {
        assertThat(GemVersion.parse("1.0.0").canonicalSegments()).isEqualTo(List.of(BigInteger.ONE));
        assertThat(GemVersion.parse("1.0.0.a.1.0").canonicalSegments()).isEqualTo(List.of(BigInteger.ONE, "a", BigInteger.ONE));
        assertThat(GemVersion.parse("1.2.3-1").canonicalSegments()).isEqualTo(
                List.of(BigInteger.ONE, BigInteger.TWO, BigInteger.valueOf(3), "pre", BigInteger.ONE));
    }
}
