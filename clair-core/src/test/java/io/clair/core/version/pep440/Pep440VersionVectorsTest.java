package io.clair.core.version.pep440;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clair.core.version.InvalidVersionException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * pypa/packaging {@code tests/test_version.py}: validity, normalization and the parts of a version. (Ordering of
 * {@code VERSIONS} is in {@code versions/pep440/cases.tsv}.) Not taken: tests of Python object protocols (hash,
 * dunder operators against other types, non-string inputs, {@code Version.from_parts}).
 */
class Pep440VersionVectorsTest {
    private static final Pep440Vectors V = new Pep440Vectors("test_version.py.vectors.json");

    @TestFactory
    Stream<DynamicTest> validVersions() {
        return V.rows("TestVersion.test_valid_versions", "version").stream()
                .map(r -> DynamicTest.dynamicTest(r.name(), () -> assertThat(Pep440Version.isValid(r.str(0))).isTrue()));
    }

    @TestFactory
    Stream<DynamicTest> invalidVersions() {
        return V.rows("TestVersion.test_invalid_versions", "version").stream()
                .map(r -> DynamicTest.dynamicTest(r.name(), () -> assertThatThrownBy(() -> Pep440Version.parse(r.str(0)))
                        .isInstanceOf(InvalidVersionException.class).hasMessageStartingWith("pep440: ")));
    }

    @TestFactory
    Stream<DynamicTest> normalizedVersions() {
        return Stream.concat(V.rows("TestVersion.test_normalized_versions", "version").stream(),
                V.rows("TestVersion.test_version_str_repr", "version").stream())
                .map(r -> DynamicTest.dynamicTest(r.name(),
                        () -> assertThat(Pep440Version.parse(r.str(0)).toString()).isEqualTo(r.str(1))));
    }

    @TestFactory
    Stream<DynamicTest> parts() {
        return Stream.of(
                part("TestVersion.test_version_public", v -> v.publicVersion().toString()),
                part("TestVersion.test_version_base_version", v -> v.baseVersion().toString()),
                part("TestVersion.test_version_epoch", Pep440Version::epoch),
                part("TestVersion.test_version_release", v -> Arrays.stream(v.release()).boxed().toList()),
                part("TestVersion.test_version_local", Pep440Version::local),
                part("TestVersion.test_version_pre",
                        v -> v.preLabel() == null ? null : List.of(v.preLabel(), v.preNumber())),
                part("TestVersion.test_version_dev", Pep440Version::dev),
                part("TestVersion.test_version_post", Pep440Version::post),
                part("TestVersion.test_version_is_prerelease", Pep440Version::isPrerelease),
                part("TestVersion.test_version_is_devrelease", Pep440Version::isDevrelease),
                part("TestVersion.test_version_is_postrelease", Pep440Version::isPostrelease))
                .flatMap(s -> s);
    }

    private static Stream<DynamicTest> part(String test, Function<Pep440Version, Object> f) {
        return V.rows(test, "version").stream().map(r -> DynamicTest.dynamicTest(r.name(), () -> {
            Object want = r.get(1);
            assertThat(f.apply(Pep440Version.parse(r.str(0)))).isEqualTo(want);
        }));
    }
}
