package io.clair.core.ecosystem.photon;

import static org.assertj.core.api.Assertions.assertThat;

import io.clair.core.osrelease.RootfsFixtures;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Photon scanner against the os-release files of Photon 1.0-5.0 (as in claircore's test) and photon-release. */
class PhotonDistributionScannerTest {
    private final PhotonDistributionScanner scanner = new PhotonDistributionScanner();

    @ParameterizedTest
    @ValueSource(strings = {"1.0", "2.0", "3.0", "4.0", "5.0"})
    void osRelease(String release) throws IOException {
        // Photon 1.0 still called itself "VMware Photon"
        String name = release.equals("1.0") ? "VMware Photon" : "VMware Photon OS";
        Path root = RootfsFixtures.scratch("photon-" + release);
        RootfsFixtures.write(root, "etc/os-release", "NAME=\"" + name + "\"\nVERSION=\"" + release
                + "\"\nID=photon\nVERSION_ID=" + release + "\nPRETTY_NAME=\"VMware Photon OS/Linux\"\n");

        assertThat(scanner.scan(RootfsFixtures.layer(root))).containsExactly(PhotonDistributions.release(release));
    }

    @Test
    void photonReleaseAlone() throws IOException {
        Path root = RootfsFixtures.scratch("photon-release");
        RootfsFixtures.write(root, "etc/photon-release", "VMware Photon OS 4.0\nPHOTON_BUILD_NUMBER=ca7c9e933\n");

        assertThat(scanner.scan(RootfsFixtures.layer(root))).containsExactly(PhotonDistributions.release("4.0"));
    }

    @Test
    void valuesAreClaircores() {
        assertThat(PhotonDistributions.release("3.0")).satisfies(d -> {
            assertThat(d.did()).isEqualTo("photon");
            assertThat(d.name()).isEqualTo("VMware Photon OS");
            assertThat(d.version()).isEqualTo("3.0");
            assertThat(d.versionId()).isEqualTo("3.0");
            assertThat(d.prettyName()).isEqualTo("VMware Photon OS/Linux");
        });
    }
}
