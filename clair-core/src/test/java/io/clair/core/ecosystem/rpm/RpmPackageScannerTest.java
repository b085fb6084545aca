package io.clair.core.ecosystem.rpm;

import static org.assertj.core.api.Assertions.assertThat;

import io.clair.core.index.Package;
import io.clair.core.testing.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The scanner over the shared rpm databases, one of each format, compared with the rpm oracle. */
class RpmPackageScannerTest {
    private final RpmPackageScanner scanner = new RpmPackageScanner();

    @Test
    void identifiesItselfAsTheRpmScanner() {
        assertThat(scanner.name()).isEqualTo("rpm");
        assertThat(scanner.version()).isEqualTo("1");
        assertThat(scanner.kind()).isEqualTo("package");
    }

    @Test
    void ndbDatabaseEqualsTheOracleList() throws Exception {
        Path root = RpmLayers.fresh("sle15-ndb");
        RpmLayers.place(root, "usr/lib/sysimage/rpm/Packages.db", TestData.path("rpm/sle15-bci/Packages.db"));

        List<Package> pkgs = scanner.scan(RpmLayers.layer(root));

        RpmOracle.assertScanMatches(pkgs, RpmOracle.tsv(TestData.path("rpm/sle15-bci/rpm-qa.tsv")),
                "ndb:usr/lib/sysimage/rpm");
    }

    @Test
    void bdbDatabaseEqualsTheOracleListAndALiveRpmRun() throws Exception {
        Path db = TestData.path("rpm/libuuid/Packages");
        Path root = RpmLayers.fresh("libuuid-bdb");
        RpmLayers.place(root, "var/lib/rpm/Packages", db);

        List<Package> pkgs = scanner.scan(RpmLayers.layer(root));

        RpmOracle.assertScanMatches(pkgs, RpmOracle.tsv(TestData.path("rpm/libuuid/rpm-qa.tsv")), "bdb:var/lib/rpm");
        RpmOracle.assertScanMatches(pkgs, RpmOracle.rpmQa(db.getParent(), "bdb_ro"), "bdb:var/lib/rpm");
    }

    @Test
    void sqliteDatabaseEqualsTheOracleListAndALiveRpmRun() throws Exception {
        Path db = TestData.path("rpm/rpm-test-packages-fakeroot/rpmdb.sqlite");
        Path root = RpmLayers.fresh("fakeroot-sqlite");
        RpmLayers.place(root, "var/lib/rpm/rpmdb.sqlite", db);
        // rpm writes -shm/-wal files next to a database it queries: give it a copy of its own
        Path oracleDir = RpmLayers.fresh("fakeroot-sqlite-oracle");
        RpmLayers.place(oracleDir, "rpmdb.sqlite", db);

        List<Package> pkgs = scanner.scan(RpmLayers.layer(root));

        RpmOracle.assertScanMatches(pkgs, RpmOracle.tsv(TestData.path("rpm/rpm-test-packages-fakeroot/rpm-qa.tsv")),
                "sqlite:var/lib/rpm");
        RpmOracle.assertScanMatches(pkgs, RpmOracle.rpmQa(oracleDir, "sqlite"), "sqlite:var/lib/rpm");
    }

    @Test
    void sqliteScanWritesNothingIntoTheLayer() throws Exception {
        Path root = RpmLayers.fresh("fakeroot-untouched");
        Path db = RpmLayers.place(root, "var/lib/rpm/rpmdb.sqlite",
                TestData.path("rpm/rpm-test-packages-fakeroot/rpmdb.sqlite"));
        List<String> before = listing(root);
        byte[] content = Files.readAllBytes(db);

        assertThat(scanner.scan(RpmLayers.layer(root))).isNotEmpty();

        // a plain read-only open of this WAL-mode database would leave rpmdb.sqlite-shm and -wal behind
        assertThat(listing(root)).isEqualTo(before);
        assertThat(Files.readAllBytes(db)).isEqualTo(content);
    }

    @Test
    void readsEveryDatabaseInTheLayerUnderItsOwnPackageDb() throws Exception {
        Path root = RpmLayers.fresh("three-formats");
        RpmLayers.place(root, "var/lib/rpm/Packages", TestData.path("rpm/libuuid/Packages"));
        RpmLayers.place(root, "usr/lib/sysimage/rpm/Packages.db", TestData.path("rpm/sle15-bci/Packages.db"));
        RpmLayers.place(root, "opt/chroot/var/lib/rpm/rpmdb.sqlite",
                TestData.path("rpm/rpm-test-packages-fakeroot/rpmdb.sqlite"));

        List<Package> pkgs = scanner.scan(RpmLayers.layer(root));

        assertThat(pkgs).extracting(Package::packageDb).containsOnly("bdb:var/lib/rpm", "ndb:usr/lib/sysimage/rpm",
                "sqlite:opt/chroot/var/lib/rpm");
        RpmOracle.assertScanMatches(only(pkgs, "bdb:var/lib/rpm"), RpmOracle.tsv(TestData.path("rpm/libuuid/rpm-qa.tsv")),
                "bdb:var/lib/rpm");
        RpmOracle.assertScanMatches(only(pkgs, "ndb:usr/lib/sysimage/rpm"),
                RpmOracle.tsv(TestData.path("rpm/sle15-bci/rpm-qa.tsv")), "ndb:usr/lib/sysimage/rpm");
        RpmOracle.assertScanMatches(only(pkgs, "sqlite:opt/chroot/var/lib/rpm"),
                RpmOracle.tsv(TestData.path("rpm/rpm-test-packages-fakeroot/rpm-qa.tsv")), "sqlite:opt/chroot/var/lib/rpm");
    }

    @Test
    void readsOneDatabasePerDirectoryTheFirstInPathOrder() throws Exception {
        Path root = RpmLayers.fresh("half-converted");
        RpmLayers.place(root, "var/lib/rpm/Packages", TestData.path("rpm/libuuid/Packages"));
        RpmLayers.place(root, "var/lib/rpm/rpmdb.sqlite", TestData.path("rpm/rpm-test-packages-fakeroot/rpmdb.sqlite"));

        List<Package> pkgs = scanner.scan(RpmLayers.layer(root));

        RpmOracle.assertScanMatches(pkgs, RpmOracle.tsv(TestData.path("rpm/libuuid/rpm-qa.tsv")), "bdb:var/lib/rpm");
    }

    @Test
    void filesNamedLikeDatabasesButHoldingSomethingElseAreNotDatabases() throws Exception {
        Path root = RpmLayers.fresh("look-alikes");
        // an apt-style index and an rpm environment file: neither is a package database
        write(root.resolve("srv/repo/dists/stable/main/binary-amd64/Packages"), "Package: hello\nVersion: 2.10-3\n\n");
        write(root.resolve("srv/mirror/Packages.db"), "not an ndb database, just a file with that name");
        write(root.resolve("var/lib/rpm/__db.001"), "environment");

        assertThat(scanner.scan(RpmLayers.layer(root))).isEmpty();
    }

    @Test
    void layerWithoutDatabasesHasNoPackages() throws Exception {
        Path root = RpmLayers.fresh("empty");
        write(root.resolve("etc/os-release"), "ID=fedora\n");

        assertThat(scanner.scan(RpmLayers.layer(root))).isEmpty();
    }

    private static List<Package> only(List<Package> pkgs, String packageDb) {
        return pkgs.stream().filter(p -> p.packageDb().equals(packageDb)).toList();
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static List<String> listing(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.map(p -> root.relativize(p) + " " + p.toFile().length() + " " + p.toFile().lastModified())
                    .sorted().toList();
        }
    }
}
