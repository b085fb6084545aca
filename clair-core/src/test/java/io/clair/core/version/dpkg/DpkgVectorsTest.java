package io.clair.core.version.dpkg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clair.core.version.InvalidVersionException;
import io.clair.core.version.VectorFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** dpkg's own vectors: the {@code __DATA__} section of {@code scripts/t/Dpkg_Version.t}, {@code A B r}. */
class DpkgVectorsTest {

    @TestFactory
    Stream<DynamicTest> dpkgVersionT() {
        return VectorFile.lines("versions/dpkg/Dpkg_Version.t.DATA.txt").stream()
                .map(line -> DynamicTest.dynamicTest(line.name(), () -> {
                    String[] f = line.fields();
                    int got = DpkgVersion.parse(f[0]).compareTo(DpkgVersion.parse(f[1]));
                    assertThat(Integer.signum(got)).isEqualTo(Integer.parseInt(f[2]));
                }));
    }

    @Test
    void partsAreSplitAsDpkgDoes() {
        assertThat(DpkgVersion.parse("1:2.30-1+deb12u1")).isEqualTo(new DpkgVersion("1", "2.30", "1+deb12u1"));
        assertThat(DpkgVersion.parse("2.30-beta-1")).isEqualTo(new DpkgVersion("0", "2.30-beta", "1"));
        assertThat(DpkgVersion.parse("1.0").toString()).isEqualTo("1.0");
    }

    @Test
    void invalidVersionsAreRejectedWithDpkgsReason() {
        assertThatThrownBy(() -> DpkgVersion.parse("")).isInstanceOf(InvalidVersionException.class)
                .hasMessageStartingWith("dpkg: ");
        assertThatThrownBy(() -> DpkgVersion.parse("a1.0")).hasMessageContaining("does not start with digit");
        assertThatThrownBy(() -> DpkgVersion.parse("1.0-")).hasMessageContaining("revision cannot be empty");
        assertThatThrownBy(() -> DpkgVersion.parse("x:1.0")).hasMessageContaining("epoch");
        assertThatThrownBy(() -> DpkgVersion.parse("1.0_1")).hasMessageContaining("illegal character");
    }
}
