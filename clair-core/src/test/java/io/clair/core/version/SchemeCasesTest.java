package io.clair.core.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clair.core.version.apk.ApkVersion;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every line of each scheme's {@code versions/<scheme>/cases.tsv} through {@link VersionScheme#of}.
 *
 * <p>Two apk lines use versions apk-tools itself calls invalid ({@code 1.0bc}, {@code 23_foo}; upstream's comment:
 * "invalid. do string sort"). The scheme rejects those, so for them the test checks the rejection and that
 * {@link ApkVersion#compareStrings}, apk's own ordering of any strings, still gives the listed result.
 */
class SchemeCasesTest {

    @TestFactory
    Stream<DynamicTest> casesTsv() {
        return Stream.of("dpkg", "rpm", "apk", "pep440", "semver", "maven").flatMap(scheme -> {
            VersionScheme s = VersionScheme.of(scheme);
            return VectorFile.lines("versions/" + scheme + "/cases.tsv").stream().map(line -> DynamicTest.dynamicTest(
                    line.name(), () -> {
                        String[] f = line.text().split("\t", -1);
                        if (scheme.equals("apk") && !(ApkVersion.isValid(f[0]) && ApkVersion.isValid(f[2]))) {
                            assertThatThrownBy(() -> s.compare(f[0], f[2])).isInstanceOf(InvalidVersionException.class);
                            assertThat(VectorFile.op(ApkVersion.compareStrings(f[0], f[2]))).isEqualTo(f[1]);
                            return;
                        }
                        int got = s.compare(f[0], f[2]);
                        assertThat(VectorFile.op(got)).as("%s compare(%s, %s)", scheme, f[0], f[2]).isEqualTo(f[1]);
                        assertThat(Integer.signum(s.compare(f[2], f[0]))).as("antisymmetry").isEqualTo(-got);
                    }));
        });
    }
}
