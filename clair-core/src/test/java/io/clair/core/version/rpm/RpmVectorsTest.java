package io.clair.core.version.rpm;

import static org.assertj.core.api.Assertions.assertThat;

import io.clair.core.version.VectorFile;
import io.clair.core.version.VersionScheme;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** rpm's {@code tests/rpmvercmp.at} and claircore's {@code internal/rpmver/testdata} lists. */
class RpmVectorsTest {
    private static final Pattern RPMVERCMP = Pattern.compile("^RPMVERCMP\\(([^,]*), ([^,]*), (-?\\d)\\)$");

    @TestFactory
    Stream<DynamicTest> rpmvercmpAt() {
        // the dnl-commented block ("oddities") is skipped, as upstream does: only active RPMVERCMP lines count
        return VectorFile.lines("versions/rpm/rpmvercmp.at").stream()
                .filter(l -> l.text().startsWith("RPMVERCMP("))
                .map(line -> DynamicTest.dynamicTest(line.name(), () -> {
                    Matcher m = RPMVERCMP.matcher(line.text().strip());
                    assertThat(m.matches()).as("line shape").isTrue();
                    assertThat(RpmVerCmp.compare(m.group(1), m.group(2))).isEqualTo(Integer.parseInt(m.group(3)));
                    assertThat(VersionScheme.of("rpm").compare(m.group(1), m.group(2)))
                            .isEqualTo(Integer.parseInt(m.group(3)));
                }));
    }

    @TestFactory
    Stream<DynamicTest> claircoreRpmvercmp() {
        return VectorFile.lines("versions/rpm/claircore/rpmvercmp").stream()
                .map(line -> DynamicTest.dynamicTest(line.name(), () -> {
                    String[] f = line.fields();
                    assertThat(RpmVerCmp.compare(f[0], f[2])).isEqualTo(VectorFile.sign(f[1]));
                    assertThat(RpmVerCmp.compare(f[2], f[0])).isEqualTo(-VectorFile.sign(f[1]));
                }));
    }

    @TestFactory
    Stream<DynamicTest> claircoreCompare() {
        return VectorFile.lines("versions/rpm/claircore/compare").stream()
                .map(line -> DynamicTest.dynamicTest(line.name(), () -> {
                    String[] f = line.fields();
                    RpmNevra a = RpmNevra.parse(f[0]);
                    RpmNevra b = RpmNevra.parse(f[2]);
                    assertThat(Integer.signum(a.compareTo(b))).isEqualTo(VectorFile.sign(f[1]));
                    assertThat(Integer.signum(b.compareTo(a))).isEqualTo(-VectorFile.sign(f[1]));
                }));
    }

    @TestFactory
    Stream<DynamicTest> claircoreParse() {
        return VectorFile.lines("versions/rpm/claircore/parse").stream()
                .map(line -> DynamicTest.dynamicTest(line.name(), () -> {
                    String[] f = line.fields();
                    for (int i = 0; i < f.length; i++) {
                        f[i] = f[i].replaceAll("^['\"]|['\"]$", "");
                    }
                    RpmNevra got = RpmNevra.parse(f[0]);
                    assertThat(got).isEqualTo(new RpmNevra(f[1].isEmpty() ? null : f[1],
                            f[2].isEmpty() ? "0" : f[2], f[3], f[4], f[5].isEmpty() ? null : f[5]));
                }));
    }
}
