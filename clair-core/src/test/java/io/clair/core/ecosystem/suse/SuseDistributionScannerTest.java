package io.clair.core.ecosystem.suse;

import static org.assertj.core.api.Assertions.assertThat;

import io.clair.core.osrelease.RootfsFixtures;
import io.clair.core.testing.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The SUSE scanner against claircore's openSUSE Leap os-release case, then SLES os-release and the pre-os-release
 * etc/SuSE-release files.
 */
class SuseDistributionScannerTest {
    private final SuseDistributionScanner scanner = new SuseDistributionScanner();

    @Test
    void claircoresOpenSuseLeapCase() throws IOException {
        String txtar = Files.readString(TestData.path("osrelease/OpenSUSe.txtar"));
        String osRelease = txtar.substring(txtar.indexOf("-- os-release --\n") + 17, txtar.indexOf("-- Parsed --"));
        Matcher versionId = Pattern.compile("(?m)^VERSION_ID=\"([\\d.]+)\"$").matcher(osRelease);
        assertThat(versionId.find()).isTrue();
        Path root = RootfsFixtures.scratch("suse-leap");
        RootfsFixtures.write(root, "etc/os-release", osRelease);

        assertThat(scanner.scan(RootfsFixtures.layer(root)))
                .containsExactly(SuseDistributions.leap(versionId.group(1)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "sles|15-SP5|cpe:/o:suse:sles:15:sp5|15",
        "sles|12.5|cpe:/o:suse:sles:12:sp5|12",
        "sles|15.4|''|15",
    })
    void slesNormalizesServicePacksAway(String id, String versionId, String cpe, int major) throws IOException {
        Path root = RootfsFixtures.scratch("suse-sles");
        RootfsFixtures.write(root, "etc/os-release", "NAME=\"SLES\"\nID=\"" + id + "\"\nVERSION_ID=\"" + versionId
                + "\"\n" + (cpe.isEmpty() ? "" : "CPE_NAME=\"" + cpe + "\"\n"));

        assertThat(scanner.scan(RootfsFixtures.layer(root))).containsExactly(SuseDistributions.sles(major));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "'SUSE Linux Enterprise Server 11 (x86_64)\nVERSION = 11\nPATCHLEVEL = 4'|sles|11",
        "'openSUSE 42.3 (x86_64)\nVERSION = 42.3\nCODENAME = Malachite'|leap|42.3",
        "'openSUSE Leap 42.1 (x86_64)\nVERSION = 42.1'|leap|42.1",
    })
    void suseReleaseFromBeforeOsRelease(String content, String kind, String release) throws IOException {
        Path root = RootfsFixtures.scratch("suse-release");
        RootfsFixtures.write(root, "etc/SuSE-release", content.replace("\\n", "\n") + "\n");

        assertThat(scanner.scan(RootfsFixtures.layer(root))).containsExactly(kind.equals("sles")
                ? SuseDistributions.sles(Integer.parseInt(release)) : SuseDistributions.leap(release));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "etc/SuSE-release|'openSUSE 13.2 (x86_64)\nVERSION = 13.2\nCODENAME = Harlequin'",
        "etc/os-release|'NAME=\"openSUSE Tumbleweed\"\nID=\"opensuse-tumbleweed\"\n"
                + "CPE_NAME=\"cpe:/o:opensuse:tumbleweed:20231010\"'",
    })
    void openSuseWithoutReleaseDataIsNotReported(String path, String content) throws IOException {
        Path root = RootfsFixtures.scratch("suse-none");
        RootfsFixtures.write(root, path, content.replace("\\n", "\n") + "\n");

        assertThat(scanner.scan(RootfsFixtures.layer(root))).isEmpty();
    }
}
