package io.clair.core.version;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Property: wherever two versions both normalize, the order of the normalized forms equals {@code compare()}.
 * Versions are the fixtures' real versions plus seeded mutations; pairs are drawn at random (fixed seed).
 */
class NormalizationPropertyTest {
    static final long SEED = 20261201L;
    static final int PAIRS = 20_000;

    @TestFactory
    Stream<DynamicTest> normalizedOrderEqualsCompare() {
        return Stream.of(
                check("semver", semverPool(), List.of("-rc.1", "+build", "-0", ".1", "-alpha.2"), List.of("v")),
                check("pep440", OsvVersions.pypi(), List.of("a1", "b2", "rc1", ".post1", ".dev0", ".dev3", "+local", ".0",
                        ".1"), List.of("1!", "2!")),
                check("go", goPool(), List.of("-rc.1", "+incompatible", "-0.20210101000000-abcdefabcdef", ".1"), List.of()));
    }

    private static DynamicTest check(String scheme, List<String> real, List<String> suffixes, List<String> prefixes) {
        return DynamicTest.dynamicTest(scheme + " normalized order = compare (seed " + SEED + ")", () -> {
            VersionScheme s = VersionScheme.of(scheme);
            VersionNormalizer n = VersionNormalizer.of(scheme).orElseThrow();
            VersionMutator m = new VersionMutator(SEED, suffixes, prefixes);
            int both = 0;
            List<String> wrong = new ArrayList<>();
            for (String[] p : m.pairs(real, PAIRS)) {
                Optional<NormalizedVersion> a;
                Optional<NormalizedVersion> b;
                try {
                    a = n.normalize(p[0]);
                    b = n.normalize(p[1]);
                } catch (InvalidVersionException e) {
                    continue;
                }
                if (a.isEmpty() || b.isEmpty()) {
                    continue;
                }
                both++;
                int want = s.compare(p[0], p[1]);
                int got = Integer.signum(a.get().compareTo(b.get()));
                if (want != got) {
                    wrong.add(p[0] + " vs " + p[1] + ": compare " + want + ", normalized " + got + " (" + a.get() + " / "
                            + b.get() + ")");
                }
            }
            System.out.println(scheme + " normalization property: " + both + " pairs normalized on both sides, "
                    + wrong.size() + " misordered");
            assertThat(both).as("pairs where both normalize").isGreaterThan(2_000);
            assertThat(wrong).isEmpty();
        });
    }

    private static List<String> semverPool() {
        List<String> out = new ArrayList<>();
        for (String v : OsvVersions.go()) {
            out.add(v.startsWith("v") ? v.substring(1) : v);
        }
        return out;
    }

    private static List<String> goPool() {
        List<String> out = new ArrayList<>();
        for (String v : OsvVersions.go()) {
            out.add(v.startsWith("v") ? v : "v" + v);
        }
        return out;
    }

    @Test
    void claircoreLayout() {
        assertThat(VersionNormalizer.of("semver").orElseThrow().normalize("1.2.3")).hasValueSatisfying(
                v -> assertThat(v).hasToString("semver:0.1.2.3.0.0.0.0.0.0"));
        assertThat(VersionNormalizer.of("semver").orElseThrow().normalize("1.2.3-rc.1")).isEmpty();
        assertThat(VersionNormalizer.of("pep440").orElseThrow().normalize("1!2.3rc4.post5.dev6")).hasValueSatisfying(
                v -> assertThat(v).hasToString("pep440:1.2.3.0.0.0.-1.4.5.6"));
        assertThat(VersionNormalizer.of("pep440").orElseThrow().normalize("1.0+local")).isEmpty();
        assertThat(VersionNormalizer.of("go").orElseThrow().normalize("go1.21.3")).hasValueSatisfying(
                v -> assertThat(v).hasToString("semver:0.1.21.3.0.0.0.0.0.0"));
        assertThat(VersionNormalizer.of("dpkg")).isEmpty();
    }
}
