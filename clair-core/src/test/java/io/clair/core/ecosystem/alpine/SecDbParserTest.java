package io.clair.core.ecosystem.alpine;

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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SecDbParserTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** An entry that is exactly one id: a CVE, or another advisory id such as XSA-207 or GHSA-.... */
    private static final Pattern PLAIN_ID =
            Pattern.compile("CVE-\\d{4}-\\d{4,}|(?!CVE)[A-Za-z]+(-[A-Za-z0-9]+)+");

    /** One secfixes entry as the file has it, read with a plain tree walk. */
    record Raw(String pkg, String fixed, String id) {
    }

    static Stream<Path> files() throws IOException {
        List<Path> out = new ArrayList<>();
        for (String dir : List.of("alpine/secdb", "alpine/secdb-excerpts")) {
            try (Stream<Path> s = Files.walk(TestData.path(dir))) {
                s.filter(p -> p.toString().endsWith(".json")).sorted().forEach(out::add);
            }
        }
        return out.stream();
    }

    @ParameterizedTest
    @MethodSource("files")
    void everyEntryOfTheRealFileBecomesARecord(Path file) throws IOException {
        JsonNode doc = JSON.readTree(file.toFile());
        Distribution dist = AlpineDistributions.release(doc.path("distroversion").asText("edge"));
        List<Vulnerability> got = parse(file, dist);
        List<Raw> raw = rawEntries(doc);
        Set<Raw> rawSet = new HashSet<>(raw);

        Map<String, List<Vulnerability>> byFix = new HashMap<>();
        Set<String> keys = new HashSet<>();
        for (Vulnerability v : got) {
            assertThat(v.updater()).isEqualTo("test-updater");
            assertThat(v.distribution()).isEqualTo(dist);
            assertThat(v.pkg().kind()).isEqualTo(PackageKind.SOURCE);
            assertThat(v.pkg().version()).isEmpty();
            assertThat(v.severity()).isEmpty();
            assertThat(v.normalizedSeverity()).isEqualTo(Severity.Unknown);
            assertThat(v.links()).isEqualTo("https://security.alpinelinux.org/vuln/" + v.name()).doesNotContain(" ");
            assertThat(v.issued()).isNull();
            assertThat(v.range()).isNull();
            assertThat(v.repository()).isNull();
            // Every record traces back to an entry: the id itself, or the raw text kept as description.
            Raw origin = new Raw(v.pkg().name(), v.fixedInVersion(), v.description().isEmpty() ? v.name()
                    : v.description());
            assertThat(rawSet).as("origin of %s", v).contains(origin);
            assertThat(keys.add(v.pkg().name() + "|" + v.fixedInVersion() + "|" + v.name()))
                    .as("duplicate %s", v).isTrue();
            byFix.computeIfAbsent(v.pkg().name() + "|" + v.fixedInVersion(), k -> new ArrayList<>()).add(v);
        }

        Set<Raw> plain = new HashSet<>();
        for (Raw r : raw) {
            List<Vulnerability> same = byFix.getOrDefault(r.pkg() + "|" + r.fixed(), List.of());
            if (PLAIN_ID.matcher(r.id()).matches()) {
                plain.add(r);
                assertThat(same).as("record for %s", r)
                        .anyMatch(v -> v.name().equals(r.id()) && v.description().isEmpty());
            } else {
                // Some id of the entry, spelt with dashes, must have become a record of the same package and fix.
                String loose = r.id().replaceAll("[_ ]", "-");
                assertThat(same).as("records for %s", r).anyMatch(v -> loose.contains(v.name()));
            }
        }
        assertThat(got.stream().filter(v -> v.description().isEmpty()).count()).isEqualTo(plain.size());
    }

    @Test
    void coversEveryReleaseInTheTestData() throws IOException {
        try (Stream<Path> s = Files.list(TestData.path("alpine/secdb"))) {
            assertThat(s.map(p -> p.getFileName().toString()).sorted().toList())
                    .contains("v3.3", "v3.4", "v3.5", "v3.6", "v3.7", "v3.8", "v3.9", "v3.11");
        }
    }

    @Test
    void nullPackagesMeansNoRecords() throws IOException {
        Path file = TestData.path("alpine/secdb/v3.3/community.json");
        assertThat(JSON.readTree(file.toFile()).get("packages").isNull()).isTrue();
        assertThat(parse(file, AlpineDistributions.release("v3.3"))).isEmpty();
    }

    @Test
    void aNullSecfixesEntryIsSkippedAndTheRestOfThePackageKept() throws IOException {
        List<Vulnerability> got = parse(TestData.path("alpine/secdb/v3.6/main.json"), AlpineDistributions.release("3.6"));
        assertThat(got).filteredOn(v -> v.pkg().name().equals("heimdal"))
                .extracting(Vulnerability::fixedInVersion, Vulnerability::name)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("7.1.0-r2", "CVE-2017-17439"),
                        org.assertj.core.groups.Tuple.tuple("7.1.0-r1", "CVE-2017-11103"));
    }

    @Test
    void fixedVersionZeroIsKeptAsClairDoes() throws IOException {
        List<Vulnerability> got = parse(TestData.path("alpine/secdb/v3.8/main.json"), AlpineDistributions.release("3.8"));
        assertThat(got).filteredOn(v -> v.pkg().name().equals("db"))
                .extracting(Vulnerability::fixedInVersion).containsOnly("0").hasSize(5);
        assertThat(got).filteredOn(v -> v.pkg().name().equals("db")).extracting(Vulnerability::name)
                .contains("CVE-2016-0682", "CVE-2016-3418");
    }

    @Test
    void oddIdsBecomeCanonicalNamesWithTheRawTextAsDescription() throws IOException {
        List<Vulnerability> v311 = parse(TestData.path("alpine/secdb/v3.11/community.json"),
                AlpineDistributions.release("3.11"));
        assertThat(find(v311, "openjdk7", "7.211.2.6.17-r0", "CVE-2019-2426").description()).isEqualTo("CVE_2019-2426");

        List<Vulnerability> v39 = parse(TestData.path("alpine/secdb/v3.9/main.json"), AlpineDistributions.release("3.9"));
        assertThat(find(v39, "sdl2_image", "2.0.5-r0", "CVE-2019-5060").description())
                .isEqualTo("CVE-2019-5060 TALOS-2019-0844");
        assertThat(find(v39, "ansible", "2.7.3-r0", "CVE-2018-16859").description()).isEqualTo("CVE 2018-16859");
        assertThat(find(v39, "xen", "4.11.2-r0", "XSA-284").description()).isEqualTo("CVE-????-?????  XSA-284");

        List<Vulnerability> v37 = parse(TestData.path("alpine/secdb/v3.7/main.json"), AlpineDistributions.release("3.7"));
        for (String cve : List.of("CVE-2017-5753", "CVE-2017-5715", "CVE-2017-5754")) {
            assertThat(find(v37, "xen", "4.9.1-r3", cve).description())
                    .isEqualTo("CVE-2017-5753 CVE-2017-5715 CVE-2017-5754 XSA-254 XPTI");
        }
    }

    @Test
    void idNormalizationRules() {
        assertThat(SecDbIds.names("CVE-2017-8073.patch")).containsExactly("CVE-2017-8073");
        assertThat(SecDbIds.names("CVE-2017-17434-1")).containsExactly("CVE-2017-17434");
        assertThat(SecDbIds.names("CVE-2018-14462 (ICMP)")).containsExactly("CVE-2018-14462");
        assertThat(SecDbIds.names("XSA-207")).containsExactly("XSA-207");
        assertThat(SecDbIds.names("wnpa-sec-2017-18")).containsExactly("wnpa-sec-2017-18");
        assertThat(SecDbIds.names("CVE-????-?????")).isEmpty();
        assertThat(SecDbIds.names("  ")).isEmpty();
    }

    @Test
    void truncatedJsonIsAnError() throws IOException {
        byte[] real = Files.readAllBytes(TestData.path("alpine/secdb/v3.8/main.json"));
        byte[] cut = Arrays.copyOf(real, real.length / 2);
        assertThatThrownBy(() -> parser().parse(new ByteArrayInputStream(cut)))
                .isInstanceOf(IOException.class).hasMessageStartingWith("alpine: malformed secdb JSON at line ");
    }

    @Test
    void aDocumentThatIsNotJsonIsAnError() {
        // The same data in its original YAML form is not what the updater expects to be served.
        Path yaml = TestData.path("alpine/secdb-excerpts/v34_main.yaml");
        assertThatThrownBy(() -> {
            try (InputStream in = Files.newInputStream(yaml)) {
                parser().parse(in);
            }
        }).isInstanceOf(IOException.class).hasMessageStartingWith("alpine: malformed secdb JSON");
    }

    @Test
    void wrongShapesAreErrors() {
        assertThatThrownBy(() -> parser().parse(stream("[]")))
                .isInstanceOf(IOException.class).hasMessage("alpine: secdb document is not a JSON object");
        assertThatThrownBy(() -> parser().parse(stream("")))
                .isInstanceOf(IOException.class).hasMessage("alpine: secdb document is not a JSON object");
        assertThatThrownBy(() -> parser().parse(stream("{\"packages\": \"x\"}")))
                .isInstanceOf(IOException.class).hasMessage("alpine: secdb \"packages\" is not an array");
    }

    private static SecDbParser parser() {
        return new SecDbParser("test-updater", AlpineDistributions.release("3.8"));
    }

    private static InputStream stream(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    static List<Vulnerability> parse(Path file, Distribution dist) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new SecDbParser("test-updater", dist).parse(in);
        }
    }

    private static Vulnerability find(List<Vulnerability> vs, String pkg, String fixed, String name) {
        return vs.stream().filter(v -> v.pkg().name().equals(pkg) && v.fixedInVersion().equals(fixed)
                && v.name().equals(name)).findFirst().orElseThrow(() -> new AssertionError(
                        "no record " + pkg + " " + fixed + " " + name));
    }

    static List<Raw> rawEntries(JsonNode doc) {
        List<Raw> out = new ArrayList<>();
        for (JsonNode p : doc.path("packages")) {
            String name = p.path("pkg").path("name").asText();
            JsonNode fixes = p.path("pkg").path("secfixes");
            for (Iterator<Map.Entry<String, JsonNode>> it = fixes.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                for (JsonNode id : e.getValue()) {
                    out.add(new Raw(name, e.getKey(), id.asText().trim()));
                }
            }
        }
        return out;
    }
}
