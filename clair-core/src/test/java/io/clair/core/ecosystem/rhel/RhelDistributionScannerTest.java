package io.clair.core.ecosystem.rhel;

import static org.assertj.core.api.Assertions.assertThat;

import io.clair.core.index.Distribution;
import io.clair.core.osrelease.RootfsFixtures;
import io.clair.core.testing.TestData;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The RHEL scanner against claircore's release files (RHEL 7-9, Atomic Host, Hummingbird, and Oracle Linux, which
 * it must leave alone), with claircore's expectations: the directory names the major release. Then the rebuilds.
 */
class RhelDistributionScannerTest {
    private final RhelDistributionScanner scanner = new RhelDistributionScanner();

    static Stream<Path> releases() {
        Path root = RootfsFixtures.extract(TestData.path("rhel/releasefiles.tar"), "rhel-releasefiles");
        List<Path> dirs = RootfsFixtures.subdirectories(root.resolve("rhel/testdata/releasefiles"));
        assertThat(dirs).hasSize(9);
        return dirs.stream();
    }

    @ParameterizedTest
    @MethodSource("releases")
    void matchesClaircoresExpectations(Path release) throws IOException {
        String n = release.getFileName().toString();

        List<Distribution> found = scanner.scan(RootfsFixtures.layer(release));

        if (n.startsWith("oracle-")) {
            assertThat(found).isEmpty();
        } else if (n.equals("hummingbird")) {
            // claircore's rhel/distributionscanner_test.go checks these three fields
            assertThat(found).singleElement().satisfies(d -> {
                assertThat(d.did()).isEqualTo("hummingbird");
                assertThat(d.versionId()).isEqualTo("20251124");
                assertThat(d.name()).isEqualTo("Hummingbird OS");
            });
        } else {
            String major = n.replace("atomichost-", "");
            assertThat(found).containsExactly(RhelDistributions.release(Integer.parseInt(major)));
            assertThat(found.get(0).version()).isEqualTo(major);
            assertThat(found.get(0).cpe()).isEqualTo("cpe:/o:redhat:enterprise_linux:" + major);
        }
    }

    /** The RHEL directories, each with an etc/redhat-release. */
    static Stream<Path> rhelReleases() {
        return releases().filter(p -> p.getFileName().toString().matches("(atomichost-)?\\d+"));
    }

    @ParameterizedTest
    @MethodSource("rhelReleases")
    void redhatReleaseAloneGivesTheSameRelease(Path release) throws IOException {
        String n = release.getFileName().toString();
        Path only = RootfsFixtures.scratch("rhel-release-only-" + n);
        RootfsFixtures.copy(release.resolve("etc/redhat-release"), only, "etc/redhat-release");

        assertThat(scanner.scan(RootfsFixtures.layer(only)))
                .containsExactly(RhelDistributions.release(Integer.parseInt(n.replace("atomichost-", ""))));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "centos|CentOS Linux|7|etc/centos-release|CentOS Linux release 7.9.2009 (Core)",
        "centos|CentOS|6|etc/redhat-release|CentOS release 6.10 (Final)",
        "centos|CentOS Stream|9|etc/redhat-release|CentOS Stream release 9",
        "rocky|Rocky Linux|8|etc/rocky-release|Rocky Linux release 8.9 (Green Obsidian)",
        "almalinux|AlmaLinux|9|etc/almalinux-release|AlmaLinux release 9.3 (Shamrock Pampas Cat)",
    })
    void rebuildsFromTheirReleaseFile(String did, String name, int major, String path, String line) throws IOException {
        Path root = RootfsFixtures.scratch("rhel-rebuild-file");
        RootfsFixtures.write(root, path, line + "\n");

        assertThat(scanner.scan(RootfsFixtures.layer(root)))
                .containsExactly(RhelDistributions.compatible(did, name, major));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "centos|CentOS Linux|7|7",
        "centos|CentOS Stream|9|9",
        "rocky|Rocky Linux|8|8.9",
        "almalinux|AlmaLinux|9|9.3",
    })
    void rebuildsFromOsReleaseKeepTheirIdentityAndCarryTheRhelCpe(String did, String name, int major,
            String versionId) throws IOException {
        Path root = RootfsFixtures.scratch("rhel-rebuild-os-release");
        RootfsFixtures.write(root, "etc/os-release", "NAME=\"" + name + "\"\nID=\"" + did + "\"\nVERSION_ID=\""
                + versionId + "\"\nID_LIKE=\"rhel centos fedora\"\n");

        List<Distribution> found = scanner.scan(RootfsFixtures.layer(root));

        assertThat(found).containsExactly(RhelDistributions.compatible(did, name, major));
        assertThat(found.get(0).cpe()).isEqualTo(RhelDistributions.release(major).cpe());
        assertThat(found.get(0).did()).isNotEqualTo(RhelDistributions.DID);
    }

    @Test
    void osReleaseOfAnotherDistributionWinsOverAnInheritedRedhatRelease() throws IOException {
        Path root = RootfsFixtures.scratch("rhel-fedora");
        RootfsFixtures.write(root, "etc/os-release", "NAME=Fedora\nID=fedora\nVERSION_ID=38\n");
        RootfsFixtures.write(root, "etc/redhat-release", "Red Hat Enterprise Linux release 9.3 (Plow)\n");

        assertThat(scanner.scan(RootfsFixtures.layer(root))).isEmpty();
    }
}
