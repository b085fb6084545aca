package io.clair.core.ecosystem.dpkg;

import static org.assertj.core.api.Assertions.assertThat;

import io.clair.core.index.Package;
import io.clair.core.osrelease.RootfsFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The dpkg scanner on a real Debian root filesystem built at test time with
 * {@code debootstrap --variant=minbase bookworm}, against dpkg-query run on the same tree. The tree is cached under
 * {@code ${java.io.tmpdir}/clair-testcache/debootstrap-bookworm} and reused; it is built in a sibling directory and
 * renamed only once debootstrap succeeded, so an interrupted build is never mistaken for a cache hit.
 */
class DpkgDebootstrapTest {
    private static final Path CACHE = Path.of(System.getProperty("java.io.tmpdir"), "clair-testcache",
            "debootstrap-bookworm");

    @Test
    void debootstrappedBookwormEqualsDpkgQuery() throws IOException {
        Path root = bookworm();

        List<Package> found = new DpkgPackageScanner().scan(RootfsFixtures.layer(root));

        List<String> expected = DpkgQuery.installed(root.resolve("var/lib/dpkg"));
        assertThat(expected).isNotEmpty();
        assertThat(DpkgQuery.rows(found)).isEqualTo(expected);
        assertThat(found).extracting(Package::packageDb).containsOnly("var/lib/dpkg/status");
    }

    private static Path bookworm() throws IOException {
        if (Files.isRegularFile(CACHE.resolve("var/lib/dpkg/status"))) {
            return CACHE;
        }
        Path building = CACHE.resolveSibling(CACHE.getFileName() + ".building");
        RootfsFixtures.deleteTree(building);
        Files.createDirectories(building.getParent());
        RootfsFixtures.run(List.of(RootfsFixtures.tool("debootstrap", "debootstrap"), "--variant=minbase", "bookworm",
                building.toString()));
        Files.move(building, CACHE);
        return CACHE;
    }
}
