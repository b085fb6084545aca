package io.clair.core.ecosystem.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.clair.core.index.Distribution;
import io.clair.core.osrelease.RootfsFixtures;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Amazon Linux scanner against the os-release files claircore tests with (AL1 2016.09-2018.03, AL2, AL2023)
 * and the 2022 preview, which has no feed.
 */
class AwsDistributionScannerTest {
    private static final Map<String, Distribution> EXPECTED = Map.of("AL1", AwsDistributions.LINUX_1,
            "AL2", AwsDistributions.LINUX_2, "AL2023", AwsDistributions.LINUX_2023);
    private final AwsDistributionScanner scanner = new AwsDistributionScanner();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "AL1|Amazon Linux AMI|2016.09|cpe:/o:amazon:linux:2016.09:ga",
        "AL1|Amazon Linux AMI|2017.03|cpe:/o:amazon:linux:2017.03:ga",
        "AL1|Amazon Linux AMI|2017.09|cpe:/o:amazon:linux:2017.09:ga",
        "AL1|Amazon Linux AMI|2018.03|cpe:/o:amazon:linux:2018.03:ga",
        "AL2|Amazon Linux|2|cpe:2.3:o:amazon:amazon_linux:2",
        "AL2023|Amazon Linux|2023|cpe:2.3:o:amazon:amazon_linux:2023",
        "none|Amazon Linux|2022|cpe:2.3:o:amazon:amazon_linux:2022",
    })
    void amazonLinuxReleases(String expected, String name, String version, String cpe) throws IOException {
        Path root = RootfsFixtures.scratch("aws-" + version);
        RootfsFixtures.write(root, "etc/os-release", "NAME=\"" + name + "\"\nVERSION=\"" + version
                + "\"\nID=\"amzn\"\nVERSION_ID=\"" + version + "\"\nPRETTY_NAME=\"" + name + " " + version
                + "\"\nCPE_NAME=\"" + cpe + "\"\n");

        List<Distribution> found = scanner.scan(RootfsFixtures.layer(root));

        if (expected.equals("none")) {
            assertThat(found).isEmpty();
        } else {
            assertThat(found).containsExactly(EXPECTED.get(expected));
        }
    }
}
