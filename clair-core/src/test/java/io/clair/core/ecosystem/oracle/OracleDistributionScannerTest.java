package io.clair.core.ecosystem.oracle;

import static org.assertj.core.api.Assertions.assertThat;

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
 * The Oracle scanner against the release files claircore keeps in its RHEL fixtures: Oracle Linux 6-9 (with the
 * unmodified redhat-release Oracle ships) and the RHEL releases, which are not Oracle. Then os-release and the
 * Oracle Linux 5 etc/issue, with claircore's test content.
 */
class OracleDistributionScannerTest {
    private final OracleDistributionScanner scanner = new OracleDistributionScanner();

    static Stream<Path> releases() {
        Path root = RootfsFixtures.extract(TestData.path("rhel/releasefiles.tar"), "oracle-releasefiles");
        List<Path> dirs = RootfsFixtures.subdirectories(root.resolve("rhel/testdata/releasefiles"));
        assertThat(dirs).hasSize(9);
        return dirs.stream();
    }

    @ParameterizedTest
    @MethodSource("releases")
    void oracleDirectoriesAreOracleAndNoOthers(Path release) throws IOException {
        String n = release.getFileName().toString();

        var found = scanner.scan(RootfsFixtures.layer(release));

        if (n.startsWith("oracle-")) {
            assertThat(found).containsExactly(OracleDistributions.release(Integer.parseInt(n.substring(7))));
        } else {
            assertThat(found).isEmpty();
        }
    }

    @Test
    void osReleaseMinorReleasesNormalizeToTheMajor() throws IOException {
        Path root = RootfsFixtures.scratch("oracle-os-release");
        RootfsFixtures.write(root, "etc/os-release", String.join("\n", "NAME=\"Oracle Linux Server\"",
                "VERSION=\"7.7\"", "ID=\"ol\"", "VERSION_ID=\"7.7\"", "PRETTY_NAME=\"Oracle Linux Server 7.7\"",
                "CPE_NAME=\"cpe:/o:oracle:linux:7:7:server\"", ""));

        assertThat(scanner.scan(RootfsFixtures.layer(root))).containsExactly(OracleDistributions.release(7));
    }

    @Test
    void oracleLinux5HasOnlyEtcIssue() throws IOException {
        Path root = RootfsFixtures.scratch("oracle-issue");
        RootfsFixtures.write(root, "etc/issue", "\nOracle Linux Server release 5.11\nKernel \\r on an \\m\n");

        assertThat(scanner.scan(RootfsFixtures.layer(root))).containsExactly(OracleDistributions.release(5));
    }

    @Test
    void anIssueWithoutReleaseNumberIsNothing() throws IOException {
        Path root = RootfsFixtures.scratch("oracle-issue-bad");
        RootfsFixtures.write(root, "etc/issue", "\nOracle Linux Server release\nKernel \\r on an \\m\n");

        assertThat(scanner.scan(RootfsFixtures.layer(root))).isEmpty();
    }

    @Test
    void valuesAreClaircores() {
        assertThat(OracleDistributions.release(8)).satisfies(d -> {
            assertThat(d.did()).isEqualTo("ol");
            assertThat(d.name()).isEqualTo("Oracle Linux Server");
            assertThat(d.prettyName()).isEqualTo("Oracle Linux Server 8");
            assertThat(d.versionCodeName()).isEqualTo("Oracle Linux 8");
            assertThat(d.version()).isEqualTo("8");
            assertThat(d.versionId()).isEqualTo("8");
        });
    }
}
