package io.clair.core.ecosystem.dpkg;

import static org.assertj.core.api.Assertions.assertThat;

import io.clair.core.index.Package;
import io.clair.core.osrelease.RootfsFixtures;
import io.clair.core.testing.Debootstrap;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The dpkg scanner on a real Debian root filesystem built at test time with
 * {@code debootstrap --variant=minbase bookworm} (see {@link Debootstrap}), against dpkg-query run on the same tree.
 */
class DpkgDebootstrapTest {
    @Test
    void debootstrappedBookwormEqualsDpkgQuery() throws IOException {
        Path root = Debootstrap.bookworm();

        List<Package> found = new DpkgPackageScanner().scan(RootfsFixtures.layer(root));

        List<String> expected = DpkgQuery.installed(root.resolve("var/lib/dpkg"));
        assertThat(expected).isNotEmpty();
        assertThat(DpkgQuery.rows(found)).isEqualTo(expected);
        assertThat(found).extracting(Package::packageDb).containsOnly("var/lib/dpkg/status");
    }
}
