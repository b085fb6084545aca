package io.clair.core.ecosystem.apk;

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
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The apk scanner against {@code apk info -v}: the saved listings of the two minirootfs images and live runs of the
 * images' own {@code /sbin/apk} in a chroot (root required), including on clair v2's installed-DB fixture.
 */
class ApkPackageScannerTest {
    private final ApkPackageScanner scanner = new ApkPackageScanner();

    @ParameterizedTest
    @ValueSource(strings = {"3.20.3", "3.6.5"})
    void minirootfsEqualsTheSavedApkInfoListing(String release) throws IOException {
        Path rootfs = minirootfs(release);

        List<Package> found = scanner.scan(RootfsFixtures.layer(rootfs));

        List<String> saved = RootfsFixtures.read(TestData.path(
                "alpine/alpine-minirootfs-" + release + "-x86_64.apk-info-v.txt")).lines().sorted().toList();
        assertThat(nameVersions(found)).isEqualTo(saved);
    }

    @ParameterizedTest
    @ValueSource(strings = {"3.20.3", "3.6.5"})
    void minirootfsEqualsApkInfoRunInIt(String release) throws IOException {
        Path rootfs = minirootfs(release);

        List<Package> found = scanner.scan(RootfsFixtures.layer(rootfs));

        assertThat(nameVersions(found)).isEqualTo(apkInfo(rootfs));
        String arch = RootfsFixtures.run(List.of(chroot(), rootfs.toString(), "/sbin/apk", "--print-arch")).strip();
        assertThat(found).allSatisfy(p -> {
            assertThat(p.kind()).isEqualTo(PackageKind.BINARY);
            assertThat(p.arch()).isEqualTo(arch);
            assertThat(p.packageDb()).isEqualTo(ApkPackageScanner.INSTALLED);
            assertThat(p.source().kind()).isEqualTo(PackageKind.SOURCE);
            assertThat(p.source().version()).isEqualTo(p.version());
        });
    }

    @Test
    void recordsWithoutVersionAreSkippedAsApkWouldNeedThemRemoved() throws IOException {
        // clair v2's fixture holds a record with no version, which apk refuses; apk lists the rest once it is gone
        String db = RootfsFixtures.read(TestData.path("alpine/installed-db/valid"));
        Path scanned = RootfsFixtures.scratch("apk-valid");
        RootfsFixtures.write(scanned, ApkPackageScanner.INSTALLED, db);
        Path rootfs = minirootfs("3.20.3");
        Path installed = rootfs.resolve(ApkPackageScanner.INSTALLED);
        Files.writeString(installed, db);
        assertThat(RootfsFixtures.tryRun(List.of(chroot(), rootfs.toString(), "/sbin/apk", "info", "-v")).exit())
                .as("apk refuses the fixture as it is").isNotZero();
        Files.writeString(installed, String.join("\n\n", Stream.of(db.split("\n\n"))
                .filter(r -> ("\n" + r).contains("\nV:")).toList()) + "\n");

        List<Package> found = scanner.scan(RootfsFixtures.layer(scanned));

        assertThat(nameVersions(found)).isNotEmpty().isEqualTo(apkInfo(rootfs));
        assertThat(found).extracting(Package::name).doesNotContain("invalidPackageWithoutAVersion");
    }

    @Test
    void originIsTheSourcePackage() throws IOException {
        Path root = RootfsFixtures.scratch("apk-origin");
        RootfsFixtures.write(root, ApkPackageScanner.INSTALLED, String.join("\n", "C:Q1abc=", "P:busybox-binsh",
                "V:1.36.1-r29", "A:x86_64", "o:busybox", "c:1a9b0e4f", "", "P:zlib", "V:1.3.1-r1", "A:x86_64", ""));

        List<Package> found = scanner.scan(RootfsFixtures.layer(root));

        assertThat(found).hasSize(2);
        assertThat(found.get(0).source().name()).isEqualTo("busybox");
        assertThat(found.get(0).repositoryHint()).isEqualTo("1a9b0e4f");
        assertThat(found.get(1).source()).isNull();
    }

    @Test
    void aFileThatIsNotAnApkDatabaseIsAScanError() {
        Path root = RootfsFixtures.scratch("apk-corrupt");
        RootfsFixtures.write(root, ApkPackageScanner.INSTALLED, "P:musl\nV:1.2.5-r0\nthis is not a record line\n");

        assertThatThrownBy(() -> scanner.scan(RootfsFixtures.layer(root))).isInstanceOf(ScanException.class)
                .hasMessageStartingWith("apk: lib/apk/db/installed: line 3: ");
    }

    @Test
    void aLayerWithoutApkHasNoPackages() throws IOException {
        Path root = RootfsFixtures.scratch("apk-none");
        RootfsFixtures.copy(TestData.path("debian/bookworm-minbase/status"), root, "var/lib/dpkg/status");

        assertThat(scanner.scan(RootfsFixtures.layer(root))).isEmpty();
    }

    private static Path minirootfs(String release) {
        return RootfsFixtures.extract(TestData.path("alpine/alpine-minirootfs-" + release + "-x86_64.tar.gz"),
                "apk-minirootfs-" + release);
    }

    /** {@code apk info -v} run by the image's own apk; its stderr warns about the absent package cache. */
    private static List<String> apkInfo(Path rootfs) {
        return RootfsFixtures.run(List.of(chroot(), rootfs.toString(), "/sbin/apk", "info", "-v")).lines()
                .sorted().toList();
    }

    private static String chroot() {
        String uid = RootfsFixtures.run(List.of(RootfsFixtures.tool("id", "coreutils"), "-u")).strip();
        assertThat(uid).as("running the image's apk needs chroot, which needs root: run the tests as root")
                .isEqualTo("0");
        return RootfsFixtures.tool("chroot", "coreutils");
    }

    private static List<String> nameVersions(List<Package> packages) {
        return packages.stream().map(p -> p.name() + "-" + p.version()).sorted().toList();
    }
}
