package io.clair.core.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VersionRangeTest {
    private final VersionScheme dpkg = VersionScheme.of("dpkg");

    @Test
    void halfOpenIncludesLowerExcludesUpper() {
        VersionRange r = VersionRange.halfOpen(dpkg, "1.0-1", "1.0-3");
        assertThat(r.contains("1.0-1")).isTrue();
        assertThat(r.contains("1.0-2~bpo1")).isTrue();
        assertThat(r.contains("1.0-3")).isFalse();
        assertThat(r.contains("1.0-0")).isFalse();
        assertThat(r).hasToString("dpkg:[1.0-1, 1.0-3)");
    }

    @Test
    void boundsMayBeOpenOrMissing() {
        assertThat(new VersionRange(dpkg, "1.0", false, null, false).contains("1.0")).isFalse();
        assertThat(new VersionRange(dpkg, "1.0", false, null, false).contains("1:0.1")).isTrue();
        assertThat(VersionRange.closed(dpkg, null, "2.0").contains("2.0")).isTrue();
        assertThat(VersionRange.halfOpen(VersionScheme.of("apk"), null, null).contains("1.0-r0")).isTrue();
    }

    @Test
    void badBoundsFailWhereTheRangeIsMade() {
        assertThatThrownBy(() -> VersionRange.halfOpen(dpkg, "2.0", "1.0")).hasMessageStartingWith("version range: ");
        assertThatThrownBy(() -> VersionRange.halfOpen(dpkg, "x", null)).isInstanceOf(InvalidVersionException.class);
        assertThatThrownBy(() -> VersionRange.halfOpen(dpkg, null, null).contains("?")).isInstanceOf(InvalidVersionException.class);
    }
}
