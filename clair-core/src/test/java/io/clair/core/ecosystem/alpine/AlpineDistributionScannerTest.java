package io.clair.core.ecosystem.alpine;

import static org.assertj.core.api.Assertions.assertThat;

import io.clair.core.index.Distribution;
import io.clair.core.osrelease.ClaircoreJson;
import io.clair.core.osrelease.RootfsFixtures;
import io.clair.core.testing.TestData;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Alpine scanner against claircore's release fixtures and their expected distributions ({@code want}), each
 * release also with only one of its files, and against the real minirootfs images.
 */
class AlpineDistributionScannerTest {
    private final AlpineDistributionScanner scanner = new AlpineDistributionScanner();

    static Stream<Path> releases() {
        Path root = RootfsFixtures.extract(TestData.path("alpine/claircore-alpine-dist.tar"), "alpine-dist");
        List<Path> dirs = RootfsFixtures.subdirectories(root.resolve("alpine/testdata"));
        assertThat(dirs).hasSize(17);
        return dirs.stream();
    }

    @ParameterizedTest
    @MethodSource("releases")
    void matchesClaircoresExpectedDistribution(Path release) throws IOException {
        assertThat(scanner.scan(RootfsFixtures.layer(release))).isEqualTo(want(release));
    }

    @ParameterizedTest
    @MethodSource("releases")
    void etcIssueAloneGivesTheSameDistribution(Path release) throws IOException {
        Path only = RootfsFixtures.scratch("alpine-issue-" + release.getFileName());
        RootfsFixtures.copy(release.resolve("etc/issue"), only, "etc/issue");

        assertThat(scanner.scan(RootfsFixtures.layer(only))).isEqualTo(want(release));
    }

    @ParameterizedTest
    @MethodSource("releases")
    void alpineReleaseAloneGivesTheSameDistribution(Path release) throws IOException {
        // etc/alpine-release holds exactly os-release's VERSION_ID (3.20.3, 3.19_alpha20230901 on edge)
        String versionId = RootfsFixtures.read(release.resolve("etc/os-release")).lines()
                .filter(l -> l.startsWith("VERSION_ID=")).findFirst().orElseThrow().substring("VERSION_ID=".length());
        Path only = RootfsFixtures.scratch("alpine-release-" + release.getFileName());
        RootfsFixtures.write(only, "etc/alpine-release", versionId + "\n");

        assertThat(scanner.scan(RootfsFixtures.layer(only))).isEqualTo(want(release));
    }

    @Test
    void minirootfs365IsClaircoresAlpine36() throws IOException {
        Path rootfs = RootfsFixtures.extract(TestData.path("alpine/alpine-minirootfs-3.6.5-x86_64.tar.gz"),
                "alpine-minirootfs-3.6.5");
        Path claircore36 = releases().filter(p -> p.getFileName().toString().equals("3.6")).findFirst().orElseThrow();

        assertThat(scanner.scan(RootfsFixtures.layer(rootfs))).isEqualTo(want(claircore36));
    }

    @Test
    void minirootfs3203IsAlpine320() throws IOException {
        Path rootfs = RootfsFixtures.extract(TestData.path("alpine/alpine-minirootfs-3.20.3-x86_64.tar.gz"),
                "alpine-minirootfs-3.20.3");

        assertThat(scanner.scan(RootfsFixtures.layer(rootfs))).containsExactly(
                new Distribution("", "alpine", "Alpine Linux", "3.20", "", "", "", "", "Alpine Linux v3.20"));
    }

    @Test
    void otherDistributionsAreNotAlpine() throws IOException {
        Path root = RootfsFixtures.scratch("alpine-not");
        RootfsFixtures.copy(TestData.path("debian/bookworm-minbase/os-release"), root, "etc/os-release");

        assertThat(scanner.scan(RootfsFixtures.layer(root))).isEmpty();
    }

    private static List<Distribution> want(Path release) {
        return ClaircoreJson.distributions(RootfsFixtures.read(release.resolve("want")));
    }
}
