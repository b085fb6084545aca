package io.clair.core.ecosystem.dpkg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clair.core.index.Package;
import io.clair.core.osrelease.RootfsFixtures;
import io.clair.core.scan.ScanException;
import io.clair.core.testing.TestData;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The distroless scanner on a {@code var/lib/dpkg/status.d/} directory derived from the bookworm debootstrap status
 * file the way distroless lays it out (one file per package, no Status field, {@code .md5sums} files beside), against
 * the saved dpkg-query output for that status file. No real distroless layer is in the shared data.
 */
class DpkgDistrolessScannerTest {
    private static final Pattern PACKAGE = Pattern.compile("(?m)^Package: (\\S+)$");
    private final DpkgDistrolessScanner scanner = new DpkgDistrolessScanner();

    @Test
    void statusDirectoryEqualsDpkgQueryOfTheStatusFile() throws IOException {
        Path fixture = TestData.path("debian/bookworm-minbase");
        Path root = RootfsFixtures.scratch("dpkg-distroless");
        for (String stanza : DpkgQuery.stanzas(RootfsFixtures.read(fixture.resolve("status")))) {
            Matcher m = PACKAGE.matcher(stanza);
            assertThat(m.find()).isTrue();
            RootfsFixtures.write(root, "var/lib/dpkg/status.d/" + m.group(1),
                    stanza.replaceAll("(?m)^Status: .*\\n", "") + "\n");
            RootfsFixtures.write(root, "var/lib/dpkg/status.d/" + m.group(1) + ".md5sums",
                    "d41d8cd98f00b204e9800998ecf8427e  usr/share/doc/" + m.group(1) + "/copyright\n");
        }

        List<Package> found = scanner.scan(RootfsFixtures.layer(root));

        assertThat(DpkgQuery.rows(found))
                .isEqualTo(DpkgQuery.installedRows(RootfsFixtures.read(fixture.resolve("dpkg-query.tsv"))));
        assertThat(found).allSatisfy(p -> assertThat(p.packageDb()).isEqualTo("var/lib/dpkg/status.d/" + p.name()));
    }

    @Test
    void aStatusFileIsNotDistroless() throws IOException {
        Path root = RootfsFixtures.scratch("dpkg-distroless-none");
        RootfsFixtures.copy(TestData.path("debian/bookworm-minbase/status"), root, "var/lib/dpkg/status");

        assertThat(scanner.scan(RootfsFixtures.layer(root))).isEmpty();
    }

    @Test
    void aCorruptPackageFileIsAScanErrorNamingIt() {
        Path root = RootfsFixtures.scratch("dpkg-distroless-corrupt");
        RootfsFixtures.write(root, "var/lib/dpkg/status.d/base", "Package: base\nVersion: 1\nno colon here\n");

        assertThatThrownBy(() -> scanner.scan(RootfsFixtures.layer(root))).isInstanceOf(ScanException.class)
                .hasMessageStartingWith("dpkg: var/lib/dpkg/status.d/base: line 3: ");
    }
}
