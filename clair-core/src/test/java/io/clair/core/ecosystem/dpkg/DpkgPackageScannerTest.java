package io.clair.core.ecosystem.dpkg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clair.core.index.Package;
import io.clair.core.index.PackageKind;
import io.clair.core.osrelease.RootfsFixtures;
import io.clair.core.scan.ScanException;
import io.clair.core.testing.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The dpkg scanner against dpkg-query: the saved output for the debootstrap status files and a live run on every
 * fixture and derived variant (line ends, blank lines, package states, vcpkg's database, a corrupt file).
 */
class DpkgPackageScannerTest {
    private static final String STATUS = "var/lib/dpkg/status";
    private final DpkgPackageScanner scanner = new DpkgPackageScanner();

    @ParameterizedTest
    @CsvSource({"bookworm, 88", "trixie, 78"})
    void minbaseEqualsTheSavedDpkgQueryOutput(String release, int count) throws IOException {
        Path fixture = TestData.path("debian/" + release + "-minbase");
        Path root = RootfsFixtures.scratch("dpkg-" + release);
        RootfsFixtures.copy(fixture.resolve("status"), root, STATUS);

        List<Package> found = scanner.scan(RootfsFixtures.layer(root));

        List<String> expected = DpkgQuery.installedRows(RootfsFixtures.read(fixture.resolve("dpkg-query.tsv")));
        assertThat(expected).hasSize(count);
        assertThat(DpkgQuery.rows(found)).isEqualTo(expected);
        assertThat(DpkgQuery.rows(found)).isEqualTo(DpkgQuery.installed(root.resolve("var/lib/dpkg")));
    }

    @Test
    void packagesAreBinariesWithTheirSourceAndDatabase() throws IOException {
        Path root = RootfsFixtures.scratch("dpkg-shape");
        RootfsFixtures.copy(TestData.path("debian/bookworm-minbase/status"), root, STATUS);

        List<Package> found = scanner.scan(RootfsFixtures.layer(root));

        assertThat(found).isNotEmpty().allSatisfy(p -> {
            assertThat(p.kind()).isEqualTo(PackageKind.BINARY);
            assertThat(p.packageDb()).isEqualTo(STATUS);
            assertThat(p.source().kind()).isEqualTo(PackageKind.SOURCE);
            assertThat(p.source().packageDb()).isEqualTo(STATUS);
            assertThat(p.source().source()).isNull();
        });
        assertThat(found).isSortedAccordingTo(DpkgPackages.ORDER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"crlf", "blank-lines", "trailing-blanks"})
    void lineEndsAndBlankLinesChangeNothing(String variant) throws IOException {
        Path fixture = TestData.path("debian/bookworm-minbase");
        String status = RootfsFixtures.read(fixture.resolve("status"));
        String derived = switch (variant) {
            case "crlf" -> status.replace("\n", "\r\n");
            case "blank-lines" -> "\n\n" + status.replace("\n\n", "\n\n\n\n");
            default -> status.replace("\n\n", "\n  \n") + "\n\n\n";
        };
        Path root = RootfsFixtures.scratch("dpkg-" + variant);
        RootfsFixtures.write(root, STATUS, derived);

        assertThat(DpkgQuery.rows(scanner.scan(RootfsFixtures.layer(root))))
                .isEqualTo(DpkgQuery.installedRows(RootfsFixtures.read(fixture.resolve("dpkg-query.tsv"))));
    }

    @Test
    void onlyHealthyInstalledPackagesCountAsDpkgQuerySeesThem() throws IOException {
        List<String> states = List.of("install ok half-installed", "deinstall ok config-files",
                "install reinstreq installed", "hold ok installed", "deinstall ok installed", "install ok unpacked",
                "install ok half-configured", "install ok triggers-pending\nTriggers-Pending: ldconfig",
                "install ok triggers-awaited\nTriggers-Awaited: libc-bin", "purge ok not-installed");
        List<String> stanzas = new ArrayList<>(DpkgQuery.stanzas(
                RootfsFixtures.read(TestData.path("debian/bookworm-minbase/status"))));
        for (int i = 0; i < states.size(); i++) {
            stanzas.set(i, Pattern.compile("(?m)^Status: .*$").matcher(stanzas.get(i))
                    .replaceFirst("Status: " + states.get(i).replace("\n", "\\\n")));
        }
        Path root = RootfsFixtures.scratch("dpkg-states");
        RootfsFixtures.write(root, STATUS, String.join("\n\n", stanzas) + "\n");

        List<String> found = DpkgQuery.rows(scanner.scan(RootfsFixtures.layer(root)));

        assertThat(found).isEqualTo(DpkgQuery.installed(root.resolve("var/lib/dpkg")));
        assertThat(found).hasSize(88 - 8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"valid", "debian-only.status", "postgresql.status"})
    void dpkgStatusFixturesEqualDpkgQuery(String fixture) throws IOException {
        Path root = RootfsFixtures.scratch("dpkg-fixture");
        RootfsFixtures.copy(TestData.path("debian/dpkg-status/" + fixture), root, STATUS);

        List<String> found = DpkgQuery.rows(scanner.scan(RootfsFixtures.layer(root)));

        assertThat(found).isNotEmpty().isEqualTo(DpkgQuery.installed(root.resolve("var/lib/dpkg")));
    }

    @Test
    void vcpkgDatabaseNextToItsInfoDirectorySkipsFeatureStanzas() throws IOException {
        // vcpkg keeps a dpkg-format database in installed/vcpkg/{status,info/}; its "Feature" stanzas have no
        // Version, which dpkg-query refuses, so the oracle reads the file without them
        String vcpkg = RootfsFixtures.read(TestData.path("debian/dpkg-status/vcpkg.status"));
        Path root = RootfsFixtures.scratch("dpkg-vcpkg");
        RootfsFixtures.write(root, "installed/vcpkg/status", vcpkg);
        Files.createDirectories(root.resolve("installed/vcpkg/info"));
        Path oracle = RootfsFixtures.scratch("dpkg-vcpkg-oracle");
        RootfsFixtures.write(oracle, "status", String.join("\n\n",
                DpkgQuery.stanzas(vcpkg).stream().filter(s -> s.contains("\nVersion: ")).toList()) + "\n");

        List<Package> found = scanner.scan(RootfsFixtures.layer(root));

        assertThat(DpkgQuery.rejects(RootfsFixtures.write(RootfsFixtures.scratch("dpkg-vcpkg-raw"), "status", vcpkg)
                .getParent())).isTrue();
        assertThat(DpkgQuery.rows(found)).isNotEmpty().isEqualTo(DpkgQuery.installed(oracle));
        assertThat(found).allSatisfy(p -> assertThat(p.packageDb()).isEqualTo("installed/vcpkg/status"));
    }

    @Test
    void aCorruptStatusFileIsAScanErrorNamingFileAndLine() {
        Path root = RootfsFixtures.scratch("dpkg-corrupted");
        RootfsFixtures.copy(TestData.path("debian/dpkg-status/corrupted"), root, STATUS);

        assertThat(DpkgQuery.rejects(root.resolve("var/lib/dpkg"))).as("dpkg-query refuses it too").isTrue();
        assertThatThrownBy(() -> scanner.scan(RootfsFixtures.layer(root)))
                .isInstanceOf(ScanException.class)
                .hasMessageStartingWith("dpkg: " + STATUS + ": line 15: ")
                .hasMessageContaining("/etc/pam.conf");
    }

    @Test
    void findsDatabasesByTheirDpkgDirectoryOrInfoSibling() throws IOException {
        Path status = TestData.path("debian/dpkg-status/debian-only.status");
        Path root = RootfsFixtures.scratch("dpkg-discovery");
        RootfsFixtures.copy(TestData.path("debian/dpkg-status/postgresql.status"), root, STATUS);
        RootfsFixtures.copy(status, root, "opt/chroot/var/lib/dpkg/status");
        RootfsFixtures.copy(status, root, "srv/app/db/status");
        Files.createDirectories(root.resolve("srv/app/db/info"));
        RootfsFixtures.copy(status, root, "usr/share/doc/status");
        RootfsFixtures.write(root, "var/lib/dpkg/status-old", "not read\n");

        List<Package> found = scanner.scan(RootfsFixtures.layer(root));

        assertThat(found).extracting(Package::packageDb).containsOnly(STATUS, "opt/chroot/var/lib/dpkg/status",
                "srv/app/db/status");
        assertThat(found).hasSize(3 + 1 + 1);
    }

    @Test
    void aLayerWithoutDpkgHasNoPackages() throws IOException {
        Path root = RootfsFixtures.scratch("dpkg-none");
        RootfsFixtures.write(root, "etc/hostname", "x\n");

        assertThat(scanner.scan(RootfsFixtures.layer(root))).isEmpty();
    }
}
