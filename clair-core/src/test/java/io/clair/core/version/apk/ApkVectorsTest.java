package io.clair.core.version.apk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clair.core.version.InvalidVersionException;
import io.clair.core.version.VectorFile;
import io.clair.core.version.VersionScheme;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * apk-tools' {@code test/version.data} (branch 2.14-stable) and the comparison lines of {@code test/unit/version.data}
 * (master, apk v3) on which apk 2.14 agrees.
 */
class ApkVectorsTest {

    /**
     * The v3 lines whose result apk 2.14 does not share: v3 compares leading-zero numbers as strings and reads
     * {@code ~hash} as a commit-hash token; apk 2.14.4 answers {@code >}, {@code >}, {@code =}, {@code =}, {@code =}.
     */
    static final Set<String> V3_ONLY = Set.of(
            "8.2.0 < 8.2.001",
            "8.2.0015 < 8.2.002",
            "1.0~1234 < 1.0~2345",
            "1.0~1234-r1 < 1.0~2345-r0",
            "1.0~1234-r1 > 1.0~1234-r0");

    @TestFactory
    Stream<DynamicTest> versionData214() {
        return VectorFile.lines("versions/apk/test/version.data").stream().map(ApkVectorsTest::comparison);
    }

    /**
     * The v3 file's {@code A op B} lines with {@code op} one of {@code < = >}, minus {@link #V3_ONLY}. Its fuzzy-match
     * lines ({@code ~}, {@code <~}, {@code !~}: dependency matching, not ordering) and its validity lines (v3 syntax,
     * e.g. {@code ~hash}) are not apk 2.14 behaviour; validity is checked against apk 2.14 itself in
     * {@code ApkOracleTest}.
     */
    @TestFactory
    Stream<DynamicTest> versionDataV3() {
        return VectorFile.lines("versions/apk/test/unit/version.data").stream()
                .filter(l -> {
                    String[] f = l.text().replaceAll("#.*", "").strip().split("\\s+");
                    return f.length == 3 && Set.of("<", "=", ">").contains(f[1]);
                })
                .filter(l -> !V3_ONLY.contains(l.text().replaceAll("#.*", "").strip()))
                .map(ApkVectorsTest::comparison);
    }

    @TestFactory
    Stream<DynamicTest> v3OnlyListMatchesTheFile() {
        return Stream.of(DynamicTest.dynamicTest("versions/apk/test/unit/version.data holds all 5 v3-only lines", () ->
                assertThat(VectorFile.lines("versions/apk/test/unit/version.data").stream()
                        .map(l -> l.text().strip()).filter(V3_ONLY::contains).count()).isEqualTo(5)));
    }

    private static DynamicTest comparison(VectorFile.Line line) {
        return DynamicTest.dynamicTest(line.name(), () -> {
            String[] f = line.text().replaceAll("#.*", "").strip().split("\\s+");
            int want = VectorFile.sign(f[1]);
            assertThat(ApkVersion.compareStrings(f[0], f[2])).as("apk version -t order").isEqualTo(want);
            assertThat(ApkVersion.compareStrings(f[2], f[0])).as("reversed").isEqualTo(-want);
            if (ApkVersion.isValid(f[0]) && ApkVersion.isValid(f[2])) {
                assertThat(VersionScheme.of("apk").compare(f[0], f[2])).isEqualTo(want);
            } else {
                // upstream marks these "invalid. do string sort": the strict scheme refuses them
                assertThatThrownBy(() -> VersionScheme.of("apk").compare(f[0], f[2]))
                        .isInstanceOf(InvalidVersionException.class);
            }
        });
    }
}
