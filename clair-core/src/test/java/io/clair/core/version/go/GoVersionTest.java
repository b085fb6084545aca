package io.clair.core.version.go;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clair.core.version.InvalidVersionException;
import io.clair.core.version.VersionScheme;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The {@code go} scheme. No Go toolchain is installed here to act as an oracle, so the module-version table is
 * golang.org/x/mod's own {@code semver/semver_test.go} ({@code tests}, commit 8b446299): each entry's canonical form,
 * or "" for invalid, in ascending order, so {@code Compare} must follow the list index, equal canonical forms equal.
 */
class GoVersionTest {

    /** golang.org/x/mod semver_test.go {@code tests}: {in, canonical out ("" = invalid)}, ascending. */
    static final String[][] XMOD = {
        {"bad", ""}, {"v1-alpha.beta.gamma", ""}, {"v1-pre", ""}, {"v1+meta", ""}, {"v1-pre+meta", ""},
        {"v1.2-pre", ""}, {"v1.2+meta", ""}, {"v1.2-pre+meta", ""},
        {"v1.0.0-alpha", "v1.0.0-alpha"}, {"v1.0.0-alpha.1", "v1.0.0-alpha.1"},
        {"v1.0.0-alpha.beta", "v1.0.0-alpha.beta"}, {"v1.0.0-beta", "v1.0.0-beta"}, {"v1.0.0-beta.2", "v1.0.0-beta.2"},
        {"v1.0.0-beta.11", "v1.0.0-beta.11"}, {"v1.0.0-rc.1", "v1.0.0-rc.1"}, {"v1", "v1.0.0"}, {"v1.0", "v1.0.0"},
        {"v1.0.0", "v1.0.0"}, {"v1.2", "v1.2.0"}, {"v1.2.0", "v1.2.0"}, {"v1.2.3-456", "v1.2.3-456"},
        {"v1.2.3-456.789", "v1.2.3-456.789"}, {"v1.2.3-456-789", "v1.2.3-456-789"}, {"v1.2.3-456a", "v1.2.3-456a"},
        {"v1.2.3-pre", "v1.2.3-pre"}, {"v1.2.3-pre+meta", "v1.2.3-pre"}, {"v1.2.3-pre.1", "v1.2.3-pre.1"},
        {"v1.2.3-zzz", "v1.2.3-zzz"}, {"v1.2.3", "v1.2.3"}, {"v1.2.3+meta", "v1.2.3"},
        {"v1.2.3+meta-pre", "v1.2.3"}, {"v1.2.3+meta-pre.sha.256a", "v1.2.3"},
    };

    @TestFactory
    Stream<DynamicTest> xmodValidityAndCanonicalForm() {
        return Stream.of(XMOD).map(t -> DynamicTest.dynamicTest("x/mod semver_test.go tests " + t[0], () -> {
            if (t[1].isEmpty()) {
                assertThatThrownBy(() -> GoVersion.parse(t[0])).isInstanceOf(InvalidVersionException.class);
            } else {
                GoVersion v = GoVersion.parse(t[0]);
                String canonical = v.toString().replaceAll("\\+.*$", "");
                assertThat(canonical).isEqualTo(t[1]);
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> xmodCompareFollowsTheListOrder() {
        List<Integer> valid = IntStream.range(0, XMOD.length).filter(i -> !XMOD[i][1].isEmpty()).boxed().toList();
        VersionScheme go = VersionScheme.of("go");
        return valid.stream().flatMap(i -> valid.stream().map(j -> DynamicTest.dynamicTest(
                "x/mod Compare(" + XMOD[i][0] + ", " + XMOD[j][0] + ")", () -> {
                    int want = XMOD[i][1].equals(XMOD[j][1]) ? 0 : Integer.compare(i, j);
                    assertThat(go.compare(XMOD[i][0], XMOD[j][0])).isEqualTo(want);
                })));
    }

    @Test
    void xmodExtraComparisons() {
        VersionScheme go = VersionScheme.of("go");
        assertThat(go.compare("v1", "v1")).isZero();
        assertThat(go.compare("v2", "v1")).isEqualTo(1);
        assertThat(go.compare("v1", "v2")).isEqualTo(-1);
        // the stored copy of semver_test.go lists Compare("v1.19", "v1.2") as -1, which contradicts x/mod's own
        // compareInt (a longer number is larger: minor 19 > 2); we follow compareInt
        assertThat(go.compare("v1.19", "v1.2")).isEqualTo(1);
    }

    @Test
    void toolchainVersionsMapAsTheGoVulnerabilityDatabaseDoes() {
        // stdlib versions in vulndb OSV records are semver: go1.21rc2 is 1.21.0-rc.2, go1.20 is 1.20.0
        assertThat(GoVersion.parse("go1.21rc2").toString()).isEqualTo("v1.21.0-rc.2");
        assertThat(GoVersion.parse("go1.20").toString()).isEqualTo("v1.20.0");
        assertThat(GoVersion.parse("go1.21.3").toString()).isEqualTo("v1.21.3");
        assertThat(GoVersion.parse("1.22.0").toString()).isEqualTo("v1.22.0");
        assertThat(GoVersion.parse("go1").toString()).isEqualTo("v1.0.0");
        VersionScheme go = VersionScheme.of("go");
        assertThat(go.compare("go1.21rc2", "go1.21.0")).isEqualTo(-1);
        assertThat(go.compare("go1.21.3", "v1.21.3")).isZero();
        assertThat(go.compare("go1.20.14", "go1.21rc1")).isEqualTo(-1);
        assertThatThrownBy(() -> GoVersion.parse("go1.21.3rc1")).isInstanceOf(InvalidVersionException.class);
        assertThatThrownBy(() -> GoVersion.parse("go1.021")).isInstanceOf(InvalidVersionException.class);
    }

    @Test
    void incompatibleAndPseudoVersions() {
        VersionScheme go = VersionScheme.of("go");
        assertThat(go.compare("v2.0.0+incompatible", "v2.0.0")).isZero();
        assertThat(GoVersion.parse("v0.0.0-20210101000000-abcdefabcdef").isPseudo()).isTrue();
        assertThat(GoVersion.parse("v1.2.4-0.20210101000000-abcdefabcdef").isPseudo()).isTrue();
        assertThat(GoVersion.parse("v1.2.3-pre.0.20210101000000-abcdefabcdef").isPseudo()).isTrue();
        assertThat(GoVersion.parse("v1.2.3-rc.1").isPseudo()).isFalse();
        // a pseudo-version sorts before the release it precedes and after the one it follows
        assertThat(go.compare("v1.2.4-0.20210101000000-abcdefabcdef", "v1.2.4")).isEqualTo(-1);
        assertThat(go.compare("v1.2.4-0.20210101000000-abcdefabcdef", "v1.2.3")).isEqualTo(1);
    }
}
