package io.clair.core.ecosystem.rpm;

import static org.assertj.core.api.Assertions.assertThat;

import io.clair.core.index.Package;
import io.clair.core.testing.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The ten real CentOS 5–8 Berkeley DB databases of Debian's golang-github-knqyf263-go-rpmdb-dev, each compared with
 * its shared expected list and with a live {@code rpm -qa} (modularity labels included); and one converted to SQLite
 * by rpm itself.
 */
class RpmCentosBdbTest {
    private final RpmPackageScanner scanner = new RpmPackageScanner();

    @ParameterizedTest
    @ValueSource(strings = {"centos5-plain", "centos6-devtools", "centos6-many", "centos6-plain", "centos7-devtools",
            "centos7-httpd24", "centos7-many", "centos7-plain", "centos7-python35", "centos8-modularitylabel"})
    void equalsTheOracleListAndALiveRpmRun(String name) throws Exception {
        Path dir = RpmOracle.centosDir(name);
        Path root = RpmLayers.fresh("centos-" + name);
        RpmLayers.place(root, "var/lib/rpm/Packages", dir.resolve("Packages"));

        List<Package> pkgs = scanner.scan(RpmLayers.layer(root));

        RpmOracle.assertScanMatches(pkgs, RpmOracle.tsv(TestData.path("rpm/centos-bdb-expected/" + name + ".rpm-qa.tsv")),
                "bdb:var/lib/rpm");
        RpmOracle.assertScanMatches(pkgs, RpmOracle.rpmQa(dir, "bdb_ro"), "bdb:var/lib/rpm");
    }

    @Test
    void aDatabaseRpmConvertedToSqliteReadsTheSame() throws Exception {
        String name = "centos8-modularitylabel";
        Path oracleDir = RpmLayers.fresh("converted-" + name + "-oracle");
        RpmLayers.place(oracleDir, "Packages", RpmOracle.centosDir(name).resolve("Packages"));
        RpmOracle.run(List.of("rpmdb", "--dbpath", oracleDir.toString(), "--define", "_db_backend sqlite",
                "--rebuilddb"));
        Path sqlite = oracleDir.resolve("rpmdb.sqlite");
        assertThat(sqlite).as("rpmdb --rebuilddb wrote an SQLite database").isRegularFile();
        assertThat(oracleDir.resolve("Packages")).as("and dropped the Berkeley DB").doesNotExist();
        Path root = RpmLayers.fresh("converted-" + name);
        RpmLayers.place(root, "var/lib/rpm/rpmdb.sqlite", sqlite);

        List<Package> pkgs = scanner.scan(RpmLayers.layer(root));

        RpmOracle.assertScanMatches(pkgs, RpmOracle.rpmQa(oracleDir, "sqlite"), "sqlite:var/lib/rpm");
        RpmOracle.assertScanMatches(pkgs, RpmOracle.tsv(TestData.path("rpm/centos-bdb-expected/" + name + ".rpm-qa.tsv")),
                "sqlite:var/lib/rpm");
        try (Stream<Path> files = Files.list(root.resolve("var/lib/rpm"))) {
            assertThat(files).as("nothing written beside the database").hasSize(1);
        }
    }
}
