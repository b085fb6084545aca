package io.clair.core.version.maven;

import static org.assertj.core.api.Assertions.assertThat;

import io.clair.core.version.VectorFile;
import io.clair.core.version.VersionScheme;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * claircore's {@code internal/maven/testdata/compare.list}, each inequality in both orientations. (The Maven test
 * vectors themselves are in {@code versions/maven/cases.tsv}, run by {@code SchemeCasesTest}.)
 */
class MavenVectorsTest {

    /**
     * claircore took this line from go-mvn-version; real Maven (3.9.9, 3.9.11, 4.0.0-rc-4) says the two are equal:
     * {@code 2.0.a} and {@code 2.0.0.a} both normalize to {@code 2-a}. We follow Maven.
     */
    static final String NOT_MAVEN = "2.0.a < 2.0.0.a";

    @TestFactory
    Stream<DynamicTest> compareList() {
        VersionScheme maven = VersionScheme.of("maven");
        return VectorFile.lines("versions/maven/compare.list").stream().map(line -> DynamicTest.dynamicTest(line.name(), () -> {
            String[] f = line.fields();
            int want = line.text().strip().equals(NOT_MAVEN) ? 0 : VectorFile.sign(f[1]);
            assertThat(maven.compare(f[0], f[2])).isEqualTo(want);
            assertThat(maven.compare(f[2], f[0])).isEqualTo(-want);
        }));
    }

    @TestFactory
    Stream<DynamicTest> theOneDivergentLineIsInTheFile() {
        return Stream.of(DynamicTest.dynamicTest("versions/maven/compare.list holds \"" + NOT_MAVEN + "\"", () ->
                assertThat(VectorFile.lines("versions/maven/compare.list").stream().map(l -> l.text().strip()))
                        .contains(NOT_MAVEN)));
    }
}
