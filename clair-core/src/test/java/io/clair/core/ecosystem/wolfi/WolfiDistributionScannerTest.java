package io.clair.core.ecosystem.wolfi;

import static org.assertj.core.api.Assertions.assertThat;

import io.clair.core.osrelease.RootfsFixtures;
import io.clair.core.testing.TestData;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The Wolfi scanner: a Wolfi os-release is Wolfi whatever its build date; Alpine's is not. */
class WolfiDistributionScannerTest {
    private final WolfiDistributionScanner scanner = new WolfiDistributionScanner();

    @Test
    void wolfiOfAnyBuildIsTheOneWolfiDistribution() throws IOException {
        for (String build : new String[] {"20230201", "20240702"}) {
            Path root = RootfsFixtures.scratch("wolfi-" + build);
            RootfsFixtures.write(root, "etc/os-release", "ID=wolfi\nNAME=\"Wolfi\"\nPRETTY_NAME=\"Wolfi\"\nVERSION_ID="
                    + build + "\nHOME_URL=\"https://wolfi.dev\"\n");

            assertThat(scanner.scan(RootfsFixtures.layer(root))).containsExactly(WolfiDistributions.WOLFI);
        }
    }

    @Test
    void alpineIsNotWolfi() throws IOException {
        Path root = RootfsFixtures.extract(TestData.path("alpine/alpine-minirootfs-3.20.3-x86_64.tar.gz"),
                "wolfi-not-alpine");

        assertThat(scanner.scan(RootfsFixtures.layer(root))).isEmpty();
    }
}
