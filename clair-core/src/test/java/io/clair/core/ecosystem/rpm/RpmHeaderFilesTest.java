package io.clair.core.ecosystem.rpm;

import static org.assertj.core.api.Assertions.assertThat;

import io.clair.core.ecosystem.rpm.rpmdb.RpmHeader;
import io.clair.core.layer.Layer;
import io.clair.core.testing.TestData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The files rpm owns, as {@link RpmHeader#files()} lists them, against {@code rpm -qa --qf '[%{FILENAMES}]'}. */
class RpmHeaderFilesTest {
    private static final String FORMAT = "[%{=NAME}\\t%{=VERSION}\\t%{=RELEASE}\\t%{=ARCH}\\t%{FILENAMES}\\n]";

    @Test
    void centos7FileListsEqualRpms() throws Exception {
        Path dir = RpmOracle.centosDir("centos7-plain");
        Path root = RpmLayers.fresh("files-centos7");
        RpmLayers.place(root, "var/lib/rpm/Packages", dir.resolve("Packages"));

        assertFilesMatch(root, dir, "bdb_ro");
    }

    @Test
    void centos5FileListsEqualRpms() throws Exception {
        Path dir = RpmOracle.centosDir("centos5-plain");
        Path root = RpmLayers.fresh("files-centos5");
        RpmLayers.place(root, "var/lib/rpm/Packages", dir.resolve("Packages"));

        assertFilesMatch(root, dir, "bdb_ro");
    }

    @Test
    void sqliteFileListsEqualRpms() throws Exception {
        Path db = TestData.path("rpm/rpm-test-packages-fakeroot/rpmdb.sqlite");
        Path root = RpmLayers.fresh("files-fakeroot");
        RpmLayers.place(root, "var/lib/rpm/rpmdb.sqlite", db);
        Path oracleDir = RpmLayers.fresh("files-fakeroot-oracle");
        RpmLayers.place(oracleDir, "rpmdb.sqlite", db);

        assertFilesMatch(root, oracleDir, "sqlite");
    }

    private static void assertFilesMatch(Path root, Path oracleDir, String backend) throws Exception {
        List<String> want = new ArrayList<>();
        String out = RpmOracle.run(List.of("rpm", "--dbpath", oracleDir.toString(), "--define", "_db_backend " + backend,
                "-qa", "--qf", FORMAT));
        for (String line : out.split("\n")) {
            if (!line.isEmpty()) {
                String[] f = line.split("\t", -1);
                want.add(String.join("\t", Arrays.copyOf(f, 4)) + "\t" + f[4].substring(1)); // rpm prints absolute paths
            }
        }
        List<String> got = new ArrayList<>();
        Layer layer = RpmLayers.layer(root);
        List<RpmDatabase> dbs = RpmDatabase.find(layer);
        assertThat(dbs).hasSize(1);
        dbs.get(0).forEachHeader(layer, h -> {
            RpmPackageInfo info = RpmPackageInfo.of(h);
            String arch = info.arch().isEmpty() ? "(none)" : info.arch();
            for (String f : h.files()) {
                got.add(String.join("\t", info.name(), info.version(), info.release(), arch, f));
            }
        });

        assertThat(want).as("rpm lists files").isNotEmpty();
        assertThat(got).containsExactlyInAnyOrderElementsOf(want);
    }
}
