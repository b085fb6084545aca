package io.clair.core.ecosystem.debian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clair.core.index.PackageKind;
import io.clair.core.testing.TestData;
import io.clair.core.vuln.Severity;
import io.clair.core.vuln.Vulnerability;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TrackerParserTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The fields of one record, read independently from the file. */
    record Expected(String source, String cve, String description, String codename, String version, String fixed,
            String urgency) {
    }

    @ParameterizedTest
    @ValueSource(strings = {"debian/tracker/debian.json", "debian/tracker/fetcher_debian_test.json"})
    void everyNumberedReleaseOfEveryCveBecomesARecord(String path) throws IOException {
        Path file = TestData.path(path);
        List<Expected> expected = expected(JSON.readTree(file.toFile()));
        List<Vulnerability> got = parse(file);

        List<Expected> actual = new ArrayList<>();
        for (Vulnerability v : got) {
            assertThat(v.updater()).isEqualTo("debian/updater");
            assertThat(v.pkg().kind()).isEqualTo(PackageKind.SOURCE);
            assertThat(v.pkg().version()).isEmpty();
            assertThat(v.links()).isEqualTo("https://security-tracker.debian.org/tracker/" + v.name());
            assertThat(v.normalizedSeverity()).isEqualTo(DebianUrgency.normalize(v.severity()));
            assertThat(v.distribution()).isEqualTo(DebianDistributions.release(v.distribution().versionId(),
                    v.distribution().versionCodeName()));
            assertThat(v.range()).isNull();
            actual.add(new Expected(v.pkg().name(), v.name(), v.description(), v.distribution().versionCodeName(),
                    v.distribution().versionId(), v.fixedInVersion(), v.severity()));
        }
        assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(expected).isNotEmpty();
    }

    @Test
    void clairV2FixtureCases() throws IOException {
        List<Vulnerability> got = parse(TestData.path("debian/tracker/fetcher_debian_test.json"));
        // open in jessie: no fix; resolved in wheezy without a fixed_version: also no fix; sid: no record.
        assertThat(find(got, "aptdaemon", "CVE-2015-1323", "jessie").fixedInVersion()).isEmpty();
        assertThat(find(got, "aptdaemon", "CVE-2015-1323", "wheezy").fixedInVersion()).isEmpty();
        assertThat(got).noneMatch(v -> v.distribution().versionCodeName().equals("sid"));
        // "0": not affected, kept as Clair keeps it.
        Vulnerability asterisk = find(got, "asterisk", "CVE-2013-2685", "jessie");
        assertThat(asterisk.fixedInVersion()).isEqualTo("0");
        assertThat(asterisk.severity()).isEqualTo("unimportant");
        assertThat(asterisk.normalizedSeverity()).isEqualTo(Severity.Low);
        Vulnerability fixed = find(got, "aptdaemon", "CVE-2003-0779", "jessie");
        assertThat(fixed.fixedInVersion()).isEqualTo("0.7.0");
        assertThat(fixed.description()).isEqualTo("But this one is very dangerous.");
        assertThat(fixed.distribution().prettyName()).isEqualTo("Debian GNU/Linux 8 (jessie)");
        assertThat(fixed.severity()).isEqualTo("high**");
        assertThat(fixed.normalizedSeverity()).isEqualTo(Severity.Critical);
    }

    @Test
    void vunnelExcerptKnownFix() throws IOException {
        Vulnerability v = find(parse(TestData.path("debian/tracker/debian.json")), "prototypejs", "CVE-2008-7220",
                "stretch");
        assertThat(v.fixedInVersion()).isEqualTo("1.6.0.2-1");
        assertThat(v.distribution().versionId()).isEqualTo("9");
    }

    @Test
    void urgencyMappingIsDebiansShiftedScale() {
        assertThat(DebianUrgency.normalize("unimportant")).isEqualTo(Severity.Low);
        assertThat(DebianUrgency.normalize("low")).isEqualTo(Severity.Medium);
        assertThat(DebianUrgency.normalize("low**")).isEqualTo(Severity.Medium);
        assertThat(DebianUrgency.normalize("medium")).isEqualTo(Severity.High);
        assertThat(DebianUrgency.normalize("high*")).isEqualTo(Severity.Critical);
        assertThat(DebianUrgency.normalize("not yet assigned")).isEqualTo(Severity.Unknown);
        assertThat(DebianUrgency.normalize("end-of-life")).isEqualTo(Severity.Unknown);
        assertThat(DebianUrgency.normalize(null)).isEqualTo(Severity.Unknown);
    }

    @Test
    void truncatedJsonIsAnError() throws IOException {
        byte[] real = Files.readAllBytes(TestData.path("debian/tracker/debian.json"));
        byte[] cut = Arrays.copyOf(real, real.length * 2 / 3);
        assertThatThrownBy(() -> new TrackerParser("debian/updater").parse(new ByteArrayInputStream(cut)))
                .isInstanceOf(IOException.class).hasMessageStartingWith("debian: malformed tracker JSON at line ");
    }

    @Test
    void wrongShapesAreErrors() throws IOException {
        String real = Files.readString(TestData.path("debian/tracker/debian.json"));
        assertThatThrownBy(() -> parse("[" + real + "]"))
                .isInstanceOf(IOException.class).hasMessage("debian: tracker document is not a JSON object");
        assertThatThrownBy(() -> parse(real + real))
                .isInstanceOf(IOException.class).hasMessage("debian: unexpected content after the tracker document");
        assertThatThrownBy(() -> parse("{\"openssl\": 3}"))
                .isInstanceOf(IOException.class).hasMessage("debian: tracker entry for \"openssl\" is not an object");
        assertThatThrownBy(() -> parse(""))
                .isInstanceOf(IOException.class).hasMessage("debian: tracker document is not a JSON object");
    }

    private static List<Vulnerability> parse(String s) throws IOException {
        return new TrackerParser("debian/updater").parse(new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8)));
    }

    static List<Vulnerability> parse(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new TrackerParser("debian/updater").parse(in);
        }
    }

    private static Vulnerability find(List<Vulnerability> vs, String src, String cve, String codename) {
        return vs.stream().filter(v -> v.pkg().name().equals(src) && v.name().equals(cve)
                && v.distribution().versionCodeName().equals(codename)).findFirst()
                .orElseThrow(() -> new AssertionError("no record " + src + " " + cve + " " + codename));
    }

    private static List<Expected> expected(JsonNode doc) {
        List<Expected> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> ps = doc.fields(); ps.hasNext(); ) {
            Map.Entry<String, JsonNode> p = ps.next();
            for (Iterator<Map.Entry<String, JsonNode>> cs = p.getValue().fields(); cs.hasNext(); ) {
                Map.Entry<String, JsonNode> c = cs.next();
                for (Iterator<Map.Entry<String, JsonNode>> rs = c.getValue().path("releases").fields(); rs.hasNext(); ) {
                    Map.Entry<String, JsonNode> r = rs.next();
                    Optional<String> version = DebianDistributions.versionOf(r.getKey());
                    if (version.isPresent()) {
                        JsonNode rel = r.getValue();
                        out.add(new Expected(p.getKey(), c.getKey(), c.getValue().path("description").asText(),
                                r.getKey(), version.get(), rel.has("fixed_version") ? rel.get("fixed_version").asText()
                                : "", rel.path("urgency").asText()));
                    }
                }
            }
        }
        return out;
    }
}
