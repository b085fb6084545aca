package io.clair.core.ecosystem.debian;

import static org.assertj.core.api.Assertions.assertThat;

import io.clair.core.index.Distribution;
import io.clair.core.osrelease.RootfsFixtures;
import io.clair.core.testing.TestData;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Debian scanner against claircore's release fixtures (plain and distroless), the debootstrap os-release files
 * and the two real image layers, plus variants without VERSION_ID that need etc/debian_version.
 */
class DebianDistributionScannerTest {
    /** claircore's own check on the version string. */
    private static final Pattern CLAIRCORE_VERSION = Pattern.compile("^\\d+ \\(\\w+\\)$");
    private static final Pattern CODENAME_IN_VERSION = Pattern.compile("VERSION=\".*\\((\\w+)\\)\"");
    private final DebianDistributionScanner scanner = new DebianDistributionScanner();

    static Stream<Path> releases() {
        Path root = RootfsFixtures.extract(TestData.path("debian/claircore-debian-dist.tar"), "debian-dist");
        List<Path> dirs = Stream.of("dist", "distroless_dist")
                .flatMap(d -> RootfsFixtures.subdirectories(root.resolve("debian/testdata").resolve(d)).stream())
                .toList();
        assertThat(dirs).hasSize(9);
        return dirs.stream();
    }

    @ParameterizedTest
    @MethodSource("releases")
    void reportsTheReleaseNamedByTheDirectory(Path release) throws IOException {
        String number = release.getFileName().toString();
        String codename = codenameInVersion(release.resolve("etc/os-release"));

        List<Distribution> found = scanner.scan(RootfsFixtures.layer(release));

        assertThat(found).containsExactly(DebianDistributions.release(number, codename));
        assertThat(found.get(0).versionId()).isEqualTo(number);
        assertThat(found.get(0).version()).matches(CLAIRCORE_VERSION);
    }

    @ParameterizedTest
    @ValueSource(strings = {"bookworm", "trixie"})
    void debootstrapMinbaseOsRelease(String codename) throws IOException {
        Path dir = TestData.path("debian/" + codename + "-minbase");
        String major = RootfsFixtures.read(dir.resolve("debian_version")).strip().split("\\.")[0];
        Path root = RootfsFixtures.scratch("debian-" + codename);
        RootfsFixtures.copy(dir.resolve("os-release"), root, "etc/os-release");

        assertThat(scanner.scan(RootfsFixtures.layer(root)))
                .containsExactly(DebianDistributions.release(major, codename));
    }

    @ParameterizedTest
    @ValueSource(strings = {"jessie", "wheezy"})
    void realLayersWhoseOsReleaseHasOnlyIdAndVersionId(String codename) throws IOException {
        Path root = RootfsFixtures.extract(TestData.path("debian/layers/" + codename + ".tar.gz"),
                "debian-" + codename);
        String number = RootfsFixtures.read(root.resolve("etc/os-release"))
                .replaceAll("(?s).*VERSION_ID=\"(\\d+)\".*", "$1");

        assertThat(scanner.scan(RootfsFixtures.layer(root)))
                .containsExactly(DebianDistributions.release(number, codename));
    }

    @Test
    void missingVersionIdComesFromDebianVersion() throws IOException {
        Path dir = TestData.path("debian/bookworm-minbase");
        Path root = RootfsFixtures.scratch("debian-no-version-id");
        RootfsFixtures.write(root, "etc/os-release", withoutLines(RootfsFixtures.read(dir.resolve("os-release")),
                "VERSION_ID="));
        RootfsFixtures.copy(dir.resolve("debian_version"), root, "etc/debian_version");

        assertThat(scanner.scan(RootfsFixtures.layer(root)))
                .containsExactly(DebianDistributions.release("12", "bookworm"));
    }

    @Test
    void testingIsNumberedByItsCodename() throws IOException {
        // what trixie looked like before its release: no VERSION_ID or VERSION, debian_version "trixie/sid"
        Path root = RootfsFixtures.scratch("debian-testing");
        RootfsFixtures.write(root, "etc/os-release", withoutLines(
                RootfsFixtures.read(TestData.path("debian/trixie-minbase/os-release")), "VERSION_ID=", "VERSION="));
        RootfsFixtures.write(root, "etc/debian_version", "trixie/sid\n");

        assertThat(scanner.scan(RootfsFixtures.layer(root)))
                .containsExactly(DebianDistributions.release("13", "trixie"));
    }

    @Test
    void debianWithoutAnyReleaseNumberIsNotReported() throws IOException {
        Path root = RootfsFixtures.scratch("debian-unnumbered");
        RootfsFixtures.write(root, "etc/os-release", "ID=debian\nPRETTY_NAME=\"Debian GNU/Linux\"\n");

        assertThat(scanner.scan(RootfsFixtures.layer(root))).isEmpty();
    }

    @Test
    void otherDistributionsAreNotDebian() throws IOException {
        Path root = RootfsFixtures.extract(TestData.path("ubuntu/claircore-ubuntu-dist.tar"), "debian-not");

        assertThat(scanner.scan(RootfsFixtures.layer(root.resolve("ubuntu/testdata/dist/22.04")))).isEmpty();
    }

    private static String codenameInVersion(Path osRelease) {
        Matcher m = CODENAME_IN_VERSION.matcher(RootfsFixtures.read(osRelease));
        assertThat(m.find()).as("VERSION with a code name in %s", osRelease).isTrue();
        return m.group(1);
    }

    private static String withoutLines(String text, String... prefixes) {
        List<String> kept = text.lines().filter(l -> Stream.of(prefixes).noneMatch(l::startsWith)).toList();
        return String.join("\n", kept) + "\n";
    }
}
