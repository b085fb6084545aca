package io.clair.core.ecosystem.ubuntu;

import static org.assertj.core.api.Assertions.assertThat;

import io.clair.core.index.Distribution;
import io.clair.core.osrelease.RootfsFixtures;
import io.clair.core.testing.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Ubuntu scanner against claircore's release fixtures (Ubuntu 10.04 to 23.10 plus one Debian release that must
 * not be taken for Ubuntu), with both files and with os-release alone.
 */
class UbuntuDistributionScannerTest {
    private static final Pattern LSB_CODENAME = Pattern.compile("(?m)^DISTRIB_CODENAME=(\\w+)$");
    private static final Pattern OS_CODENAME = Pattern.compile("(?m)^(?:VERSION_CODENAME|UBUNTU_CODENAME)=(\\w+)$");
    private final UbuntuDistributionScanner scanner = new UbuntuDistributionScanner();

    static Stream<Path> releases() {
        Path root = RootfsFixtures.extract(TestData.path("ubuntu/claircore-ubuntu-dist.tar"), "ubuntu-dist");
        List<Path> dirs = RootfsFixtures.subdirectories(root.resolve("ubuntu/testdata/dist"));
        assertThat(dirs).hasSize(26);
        return dirs.stream();
    }

    @ParameterizedTest
    @MethodSource("releases")
    void reportsTheReleaseNamedByTheDirectory(Path release) throws IOException {
        List<Distribution> found = scanner.scan(RootfsFixtures.layer(release));

        if (isDebian(release)) {
            assertThat(found).isEmpty();
            return;
        }
        String version = release.getFileName().toString();
        String codename = codename(release.resolve("etc/lsb-release"), LSB_CODENAME).orElseThrow();
        assertThat(found).containsExactly(UbuntuDistributions.release(version, codename));
        assertThat(found.get(0).versionId()).isEqualTo(version);
    }

    @ParameterizedTest
    @MethodSource("releases")
    void osReleaseAloneAgreesWhenItNamesTheRelease(Path release) throws IOException {
        Path osRelease = release.resolve("etc/os-release");
        Path only = RootfsFixtures.scratch("ubuntu-os-release-" + release.getFileName());
        if (Files.exists(osRelease)) {
            RootfsFixtures.copy(osRelease, only, "etc/os-release");
        }
        Optional<String> codename = Files.exists(osRelease) ? codename(osRelease, OS_CODENAME) : Optional.empty();

        List<Distribution> found = scanner.scan(RootfsFixtures.layer(only));

        if (isDebian(release) || codename.isEmpty()) {
            assertThat(found).isEmpty();
        } else {
            assertThat(found).containsExactly(
                    UbuntuDistributions.release(release.getFileName().toString(), codename.get()));
        }
    }

    private static boolean isDebian(Path release) {
        Path osRelease = release.resolve("etc/os-release");
        return Files.exists(osRelease) && RootfsFixtures.read(osRelease).contains("\nID=debian\n");
    }

    private static Optional<String> codename(Path file, Pattern p) {
        Matcher m = p.matcher(RootfsFixtures.read(file));
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
