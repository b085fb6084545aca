package io.clair.core.ecosystem.osv;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.clair.core.index.PackageKind;
import io.clair.core.index.Repository;
import io.clair.core.testing.TestData;
import io.clair.core.vuln.Severity;
import io.clair.core.vuln.Vulnerability;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import us.springett.cvss.Cvss;

class OsvArchiveParserTest {
    static final Clock NOW = Clock.fixed(Instant.parse("2026-11-26T00:00:00Z"), ZoneOffset.UTC);

    /** One record as the file describes it: advisory, package, and the decoded interval bounds. */
    record Key(String id, String pkg, Map<String, String> bounds) {
    }

    static Stream<Arguments> archives() {
        return Stream.of(
                Arguments.of("osv/PyPI-all.zip", "PyPI", Repository.named("pypi", "https://pypi.org/")),
                Arguments.of("osv/Go-all.zip", "Go", Repository.named("go", "https://pkg.go.dev/")),
                Arguments.of("osv/maven.zip", "Maven",
                        Repository.named("maven", "https://maven.apache.org/repository/")));
    }

    @ParameterizedTest
    @MethodSource("archives")
    void everyIntervalOfEveryLiveAdvisoryBecomesARecord(String path, String ecosystem, Repository repo)
            throws IOException {
        Path zip = TestData.path(path);
        Map<String, JsonNode> raw = OsvTestArchives.records(zip);
        List<Vulnerability> got = parse(zip, ecosystem, NOW);

        Set<Key> expected = new HashSet<>();
        Map<String, JsonNode> byId = new HashMap<>();
        for (JsonNode r : raw.values()) {
            byId.put(r.get("id").asText(), r);
            if (r.hasNonNull("withdrawn")) {
                continue;
            }
            for (JsonNode a : r.path("affected")) {
                String pkg = a.path("package").path("name").asText();
                if (ecosystem.equals("PyPI")) {
                    pkg = pkg.toLowerCase(Locale.ROOT).replaceAll("[._-]+", "-");
                }
                for (JsonNode range : a.path("ranges")) {
                    if (range.path("type").asText().equals("GIT")) {
                        continue;
                    }
                    for (Map<String, String> b : boundsOf(range.path("events"))) {
                        expected.add(new Key(r.get("id").asText(), pkg, b));
                    }
                }
            }
        }

        List<Key> actual = new ArrayList<>();
        for (Vulnerability v : got) {
            JsonNode r = byId.get(v.name());
            assertThat(r).as("record %s comes from the archive", v.name()).isNotNull();
            actual.add(new Key(v.name(), v.pkg().name(), decode(v.fixedInVersion())));
            assertThat(v.updater()).isEqualTo("osv/" + ecosystem.toLowerCase(Locale.ROOT));
            assertThat(v.repository()).isEqualTo(repo);
            assertThat(v.distribution()).isNull();
            assertThat(v.range()).isNull();
            assertThat(v.pkg().kind()).isEqualTo(PackageKind.BINARY);
            String summary = r.path("summary").asText("").trim();
            assertThat(v.description()).isEqualTo(summary.isBlank() ? r.path("details").asText().trim() : summary);
            // Go's zero time, which the Go vulnerability database writes for an unknown date, is no date
            assertThat(v.issued()).isEqualTo(r.hasNonNull("published")
                    && !r.get("published").asText().startsWith("0001-01-01")
                    ? OffsetDateTime.parse(r.get("published").asText()).toInstant() : null);
            List<String> links = List.of(v.links().split(" "));
            for (JsonNode ref : r.path("references")) {
                assertThat(links).contains(ref.get("url").asText());
            }
            for (JsonNode alias : r.path("aliases")) {
                assertThat(links).anyMatch(l -> l.contains(alias.asText()));
            }
            assertSeverity(v, r);
        }
        assertThat(actual).doesNotHaveDuplicates();
        assertThat(new HashSet<>(actual)).isEqualTo(expected);
        assertThat(got).isNotEmpty();
    }

    private static void assertSeverity(Vulnerability v, JsonNode r) {
        String v3 = null;
        for (JsonNode s : r.path("severity")) {
            if (s.path("type").asText().equals("CVSS_V3")) {
                v3 = s.path("score").asText();
            }
        }
        String db = r.path("database_specific").path("severity").asText("");
        if (v3 != null) {
            assertThat(v.severity()).isEqualTo(v3);
            assertThat(v.normalizedSeverity())
                    .isEqualTo(Severity.fromCvssScore(Cvss.fromVector(v3).calculateScore().getBaseScore()));
        } else if (!db.isEmpty()) {
            assertThat(v.severity()).isEqualTo(db);
        } else {
            assertThat(v.severity()).isEmpty();
            assertThat(v.normalizedSeverity()).isEqualTo(Severity.Unknown);
        }
    }

    @Test
    void withdrawnAdvisoriesAreSkippedOnceWithdrawn() throws IOException {
        Path go = TestData.path("osv/Go-all.zip");
        Set<String> withdrawn = new HashSet<>();
        for (JsonNode r : OsvTestArchives.records(go).values()) {
            if (r.hasNonNull("withdrawn")) {
                withdrawn.add(r.get("id").asText());
            }
        }
        assertThat(withdrawn).contains("GO-2022-0617", "GO-2025-3543");
        assertThat(parse(go, "Go", NOW)).noneMatch(v -> withdrawn.contains(v.name()));
        Clock before = Clock.fixed(Instant.parse("2021-01-01T00:00:00Z"), ZoneOffset.UTC);
        assertThat(parse(go, "Go", before)).extracting(Vulnerability::name).contains("GO-2022-0617");
    }

    @Test
    void knownFacts() throws IOException {
        List<Vulnerability> pypi = parse(TestData.path("osv/PyPI-all.zip"), "PyPI", NOW);
        // Django before 1.2.7 and 1.3.x before 1.3.1: two intervals in one range, two records.
        assertThat(pypi).filteredOn(v -> v.name().equals("PYSEC-2011-4")).extracting(Vulnerability::fixedInVersion)
                .containsExactlyInAnyOrder("fixed=1.2.7", "fixed=1.3.1&introduced=1.3");
        assertThat(pypi).filteredOn(v -> v.name().equals("PYSEC-2011-4")).first().satisfies(v -> {
            assertThat(v.pkg().name()).isEqualTo("django");
            assertThat(v.links()).contains("https://nvd.nist.gov/vuln/detail/CVE-2011-4139");
        });

        List<Vulnerability> go = parse(TestData.path("osv/Go-all.zip"), "Go", NOW);
        Vulnerability gin = go.stream().filter(v -> v.name().equals("GO-2020-0001")).findFirst().orElseThrow();
        assertThat(gin.pkg().name()).isEqualTo("github.com/gin-gonic/gin");
        assertThat(gin.fixedInVersion()).isEqualTo("fixed=1.6.0");
        assertThat(gin.description()).isEqualTo("Arbitrary log line injection in github.com/gin-gonic/gin");
        assertThat(gin.links().split(" ")).contains("https://pkg.go.dev/vuln/GO-2020-0001",
                "https://nvd.nist.gov/vuln/detail/CVE-2020-36567", "https://github.com/advisories/GHSA-6vm3-jj99-7229");
        assertThat(gin.normalizedSeverity()).isEqualTo(Severity.Unknown);

        List<Vulnerability> maven = parse(TestData.path("osv/maven.zip"), "Maven", NOW);
        Vulnerability log4j = maven.stream().filter(v -> v.name().equals("GHSA-2qrg-x229-3v8q")).findFirst()
                .orElseThrow();
        assertThat(log4j.pkg().name()).isEqualTo("log4j:log4j");
        assertThat(log4j.fixedInVersion()).isEqualTo("introduced=1.2&lastAffected=1.2.27");
        assertThat(log4j.severity()).isEqualTo("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H");
        assertThat(log4j.normalizedSeverity()).isEqualTo(Severity.Critical);
    }

    static List<Vulnerability> parse(Path zip, String ecosystem, Clock clock) throws IOException {
        try (InputStream in = Files.newInputStream(zip)) {
            return new OsvArchiveParser("osv/" + ecosystem.toLowerCase(Locale.ROOT), ecosystem, clock).parse(in);
        }
    }

    /**
     * The intervals of an event list, each as the bounds it sets: an interval starts at an "introduced" and takes
     * the first end event before the next "introduced"; "0" and "*" are unbounded and so absent.
     */
    private static List<Map<String, String>> boundsOf(JsonNode events) {
        List<Map<String, String>> out = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            JsonNode ev = events.get(i);
            if (!ev.has("introduced")) {
                continue;
            }
            Map<String, String> b = new LinkedHashMap<>();
            if (!ev.get("introduced").asText().equals("0")) {
                b.put("introduced", ev.get("introduced").asText());
            }
            for (int j = i + 1; j < events.size() && !events.get(j).has("introduced"); j++) {
                JsonNode end = events.get(j);
                if (end.has("fixed")) {
                    b.put("fixed", end.get("fixed").asText());
                } else if (end.has("last_affected")) {
                    b.put("lastAffected", end.get("last_affected").asText());
                } else if (end.has("limit") && !end.get("limit").asText().equals("*")) {
                    b.put("limit", end.get("limit").asText());
                }
                break;
            }
            out.add(b);
        }
        return out;
    }

    /** Reads Clair's url-encoded fixed_in_version back into its bounds. */
    static Map<String, String> decode(String fixedInVersion) {
        Map<String, String> out = new LinkedHashMap<>();
        if (fixedInVersion.isEmpty()) {
            return out;
        }
        for (String pair : fixedInVersion.split("&")) {
            int eq = pair.indexOf('=');
            out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }
}
