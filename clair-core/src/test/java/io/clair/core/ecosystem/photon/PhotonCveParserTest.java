package io.clair.core.ecosystem.photon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clair.core.index.Distribution;
import io.clair.core.index.PackageKind;
import io.clair.core.testing.TestData;
import io.clair.core.vuln.Severity;
import io.clair.core.vuln.Vulnerability;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Photon CVE feed parser on Photon's real feed excerpts, each record checked against the JSON entry. */
class PhotonCveParserTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static List<Vulnerability> parse(String file, String release) throws IOException {
        try (InputStream in = Files.newInputStream(TestData.path(file))) {
            return new PhotonCveParser("photon-updater-" + release, PhotonDistributions.release(release)).parse(in);
        }
    }

    @ParameterizedTest
    @CsvSource({"photon/cve_data_photon1.0.json,1.0", "photon/cve_data_photon2.0.json,2.0",
            "photon/cve_data_photon3.0.json,3.0", "photon/cve_metadata.json,3.0"})
    void everyEntryIsOneRecordSayingWhatTheEntrySays(String file, String release) throws IOException {
        JsonNode entries = JSON.readTree(TestData.path(file).toFile());
        List<Vulnerability> got = parse(file, release);
        assertThat(got).hasSize(entries.size());
        Distribution dist = PhotonDistributions.release(release);
        for (int i = 0; i < entries.size(); i++) {
            JsonNode e = entries.get(i);
            Vulnerability v = got.get(i);
            boolean notAffected = e.path("status").asText("").equalsIgnoreCase("Not Affected");
            String resVer = e.path("res_ver").asText();
            assertThat(v.name()).isEqualTo(e.path("cve_id").asText());
            assertThat(v.pkg().name()).isEqualTo(e.path("pkg").asText());
            assertThat(v.pkg().kind()).isEqualTo(PackageKind.BINARY);
            assertThat(v.distribution()).isEqualTo(dist);
            assertThat(v.updater()).isEqualTo("photon-updater-" + release);
            assertThat(v.notVulnerable()).isEqualTo(notAffected);
            assertThat(v.fixedInVersion()).isEqualTo(notAffected ? "0" : resVer.equals("NA") ? "" : resVer);
            assertThat(Double.parseDouble(v.severity())).isEqualTo(e.path("cve_score").asDouble());
            assertThat(v.normalizedSeverity()).isEqualTo(Severity.fromCvssScore(e.path("cve_score").asDouble()));
            String aff = e.path("aff_ver").asText();
            assertThat(v.description()).isEqualTo(aff.equals("NA") ? "" : aff);
        }
    }

    @Test
    void knownFacts() throws IOException {
        assertThat(parse("photon/cve_data_photon1.0.json", "1.0")).first().satisfies(v -> {
            assertThat(v.name()).isEqualTo("CVE-2016-9843");
            assertThat(v.pkg().name()).isEqualTo("zlib");
            assertThat(v.fixedInVersion()).isEqualTo("1.2.8-5.ph1");
            assertThat(v.normalizedSeverity()).isEqualTo(Severity.High);
            assertThat(v.distribution().did()).isEqualTo("photon");
            assertThat(v.distribution().name()).isEqualTo("VMware Photon OS");
            assertThat(v.distribution().version()).isEqualTo("1.0");
        });
        List<Vulnerability> three = parse("photon/cve_data_photon3.0.json", "3.0");
        assertThat(three).filteredOn(Vulnerability::notVulnerable).extracting(v -> v.pkg().name())
                .containsExactly("curl-libs", "curl");
        assertThat(three).filteredOn(v -> v.name().equals("CVE-2019-3828")).singleElement()
                .satisfies(v -> assertThat(v.normalizedSeverity()).isEqualTo(Severity.Critical));
    }

    @Test
    void malformedFeedsFail() {
        assertThatThrownBy(() -> parse("{\"cve_id\": \"CVE-1\"}")).hasMessage("photon: CVE feed is not a JSON array");
        assertThatThrownBy(() -> parse("[{\"cve_id\": \"CVE-1\", \"pkg\": \"a\"}, 7]"))
                .hasMessage("photon: CVE feed entry 2 is not an object");
        assertThatThrownBy(() -> parse("[{\"cve_id\": \"CVE-1\", \"pkg\": \"a\"")).isInstanceOf(IOException.class)
                .hasMessageStartingWith("photon: malformed CVE feed");
    }

    private static List<Vulnerability> parse(String json) throws IOException {
        return new PhotonCveParser("photon-updater-4.0", PhotonDistributions.release("4.0"))
                .parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }
}
