package io.clair.core.osrelease;

import static org.assertj.core.api.Assertions.assertThat;

import io.clair.core.index.Distribution;
import io.clair.core.layer.Layer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The generic scanner against claircore's expected distributions, and the two os-release locations. */
class OsReleaseDistributionScannerTest {
    private final OsReleaseDistributionScanner scanner = new OsReleaseDistributionScanner();

    static Stream<Path> claircoreCases() throws IOException {
        return OsReleaseParserTest.claircoreCases();
    }

    @ParameterizedTest
    @MethodSource("claircoreCases")
    void reportsTheDistributionClaircoreExpects(Path txtar) throws IOException {
        Map<String, String> files = Txtar.parse(Files.readString(txtar));
        Path root = RootfsFixtures.scratch("osrelease-dist");
        RootfsFixtures.write(root, "etc/os-release", files.get("os-release"));

        List<Distribution> found = scanner.scan(RootfsFixtures.layer(root));

        assertThat(found).containsExactly(ClaircoreJson.distribution(files.get("Distribution")));
    }

    @Test
    void usrLibIsReadOnlyWithoutEtc() throws IOException {
        Path root = RootfsFixtures.scratch("osrelease-fallback");
        RootfsFixtures.write(root, "usr/lib/os-release", "ID=fallback\n");
        Layer layer = RootfsFixtures.layer(root);
        assertThat(scanner.scan(layer)).extracting(Distribution::did).containsExactly("fallback");

        RootfsFixtures.write(root, "etc/os-release", "ID=primary\n");
        assertThat(scanner.scan(layer)).extracting(Distribution::did).containsExactly("primary");
    }

    @Test
    void followsTheUsualLinkAndIgnoresOneThatLeavesTheLayer() throws IOException {
        Path root = RootfsFixtures.scratch("osrelease-link");
        RootfsFixtures.write(root, "usr/lib/os-release", "ID=linked\n");
        Files.createDirectories(root.resolve("etc"));
        Files.createSymbolicLink(root.resolve("etc/os-release"), Path.of("../usr/lib/os-release"));
        assertThat(scanner.scan(RootfsFixtures.layer(root))).extracting(Distribution::did).containsExactly("linked");

        Path upper = RootfsFixtures.scratch("osrelease-link-upper");
        Files.createDirectories(upper.resolve("etc"));
        Files.createSymbolicLink(upper.resolve("etc/os-release"), Path.of("../usr/lib/os-release"));
        assertThat(scanner.scan(RootfsFixtures.layer(upper))).isEmpty();
    }

    @Test
    void aLayerWithoutOsReleaseHasNoDistribution() throws IOException {
        assertThat(scanner.scan(RootfsFixtures.layer(RootfsFixtures.scratch("osrelease-none")))).isEmpty();
    }
}
