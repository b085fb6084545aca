package io.clair.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code clairctl report} against the running all-in-one server, for each real image pushed to the registry: the
 * packages are exactly what the image's package manager lists, the findings exactly what apk's or dpkg's own
 * comparison says; the same image scanned with {@code --local} from an exported bundle gives the same report.
 */
class ClairctlReportIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Path bundle;

    private static synchronized Path bundle() throws Exception {
        if (bundle == null) {
            E2e e2e = E2e.get();
            Path out = e2e.work.resolve("updates.json.gz");
            Processes.Result r = Clairctl.run("export-updaters", "--config", e2e.updaterConfig().toString(),
                    out.toString());
            assertThat(r.exit()).as(r.stderr()).isZero();
            bundle = out;
        }
        return bundle;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"alpine365", "alpine-two", "debian"})
    void remoteReportEqualsThePackageManagerAndTheOracles(String image) throws Exception {
        E2e e2e = E2e.get();
        Processes.Result r = Clairctl.run("report", "--host", e2e.server.url().toString(), "--psk-key", E2e.PSK,
                "--insecure-registry", e2e.registry.host(), "-o", "json", e2e.reference(image));
        assertThat(r.stdout()).as(r.stderr()).isNotBlank();
        JsonNode report = JSON.readTree(r.stdout());
        assertThat(E2e.packagesOf(report)).isEqualTo(e2e.images.get(image).packages());
        assertThat(e2e.findings.get(image)).as("the derived feed entries produce findings").isNotEmpty();
        assertThat(E2e.findingsOf(report)).isEqualTo(e2e.findings.get(image));
        assertThat(r.exit()).as("findings at or above the default threshold exit 1").isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"alpine365", "alpine-two", "debian"})
    void localScanFromABundleGivesTheSameReport(String image) throws Exception {
        E2e e2e = E2e.get();
        Processes.Result r = Clairctl.run("report", "--local", "--bundle", bundle().toString(), "--database-url",
                E2e.databaseUrl(), "--insecure-registry", e2e.registry.host(), "-o", "json", e2e.reference(image));
        assertThat(r.stdout()).as(r.stderr()).isNotBlank();
        JsonNode report = JSON.readTree(r.stdout());
        assertThat(E2e.packagesOf(report)).isEqualTo(e2e.images.get(image).packages());
        assertThat(E2e.findingsOf(report)).isEqualTo(e2e.findings.get(image));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"debian"})
    void textReportAndSeverityThreshold(String image) throws Exception {
        E2e e2e = E2e.get();
        Processes.Result all = Clairctl.run("report", "--host", e2e.server.url().toString(), "--psk-key", E2e.PSK,
                "--insecure-registry", e2e.registry.host(), e2e.reference(image));
        assertThat(all.exit()).isEqualTo(1);
        assertThat(all.stdout()).contains("libc6").contains("Critical");
        Path suppress = e2e.work.resolve("suppress-all-critical.yaml");
        StringBuilder y = new StringBuilder();
        e2e.feedRecords.get("bookworm").stream().filter(v -> v.normalizedSeverity().name().equals("Critical"))
                .map(v -> v.name()).distinct().forEach(n -> y.append("- id: ").append(n)
                        .append("\n  reason: accepted in the end-to-end test\n  expires: 2999-01-01\n"));
        Files.writeString(suppress, y.toString());
        Processes.Result high = Clairctl.run("report", "--host", e2e.server.url().toString(), "--psk-key", E2e.PSK,
                "--insecure-registry", e2e.registry.host(), "--minimum-severity", "Critical", "--suppressions",
                suppress.toString(), e2e.reference(image));
        assertThat(high.exit()).as(high.stdout() + high.stderr()).isZero();
        assertThat(high.stdout() + high.stderr()).containsIgnoringCase("suppress");
    }
}
