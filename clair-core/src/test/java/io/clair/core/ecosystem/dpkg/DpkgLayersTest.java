package io.clair.core.ecosystem.dpkg;

import static org.assertj.core.api.Assertions.assertThat;

import io.clair.core.index.Package;
import io.clair.core.osrelease.RootfsFixtures;
import io.clair.core.testing.TestData;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The dpkg scanner on clair v2's two real image layers, extracted with tar, against dpkg-query on the same tree. */
class DpkgLayersTest {
    @ParameterizedTest
    @ValueSource(strings = {"jessie", "wheezy"})
    void realLayerEqualsDpkgQuery(String release) throws IOException {
        Path root = RootfsFixtures.extract(TestData.path("debian/layers/" + release + ".tar.gz"),
                "dpkg-layer-" + release);

        List<Package> found = new DpkgPackageScanner().scan(RootfsFixtures.layer(root));

        assertThat(DpkgQuery.rows(found)).isNotEmpty()
                .isEqualTo(DpkgQuery.installed(root.resolve("var/lib/dpkg")));
    }
}
