package io.clair.core.version.osv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.clair.core.version.OsvVersions;
import io.clair.core.version.pep440.Pep440Version;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class OsvRangeTest {

    static List<OsvRange> ranges(JsonNode affected) {
        List<OsvRange> out = new ArrayList<>();
        for (JsonNode r : affected.path("ranges")) {
            List<OsvEvent> events = new ArrayList<>();
            for (JsonNode e : r.path("events")) {
                e.fields().forEachRemaining(f -> events.add(new OsvEvent(OsvEvent.Kind.of(f.getKey()), f.getValue().asText())));
            }
            out.add(new OsvRange(OsvRange.Type.valueOf(r.path("type").asText()), events));
        }
        return out;
    }

    /**
     * Versions osv.dev lists in PYSEC-2023-61 (django) that its own ranges do not cover: pre-releases of the
     * {@code introduced} versions 3.2 and 4.2, which sort below them in PEP 440 (packaging agrees). They must come out
     * not affected; every other listed version must come out affected.
     */
    static final Set<String> LISTED_BELOW_RANGE = Set.of(
            "PYSEC-2023-61 3.2a1", "PYSEC-2023-61 3.2b1", "PYSEC-2023-61 3.2rc1",
            "PYSEC-2023-61 4.2a1", "PYSEC-2023-61 4.2b1", "PYSEC-2023-61 4.2rc1");

    /**
     * osv.dev lists, for PyPI, every released version its ranges cover ({@code affected[].versions}): each must be
     * affected by the record's ECOSYSTEM ranges, evaluated with the pep440 scheme. Listed versions that are not PEP 440
     * at all (e.g. {@code 0.1-bulbasaur}) cannot be ordered and are skipped, as a matcher would log and count them.
     */
    @TestFactory
    Stream<DynamicTest> everyListedPypiVersionIsAffected() {
        return OsvVersions.records("osv/PyPI-all.zip").stream().flatMap(rec -> {
            List<DynamicTest> tests = new ArrayList<>();
            for (JsonNode a : rec.path("affected")) {
                List<OsvRange> rs = ranges(a).stream().filter(r -> r.type() == OsvRange.Type.ECOSYSTEM).toList();
                if (rs.isEmpty() || a.path("versions").isEmpty()) {
                    continue;
                }
                String eco = a.path("package").path("ecosystem").asText();
                tests.add(DynamicTest.dynamicTest("osv/PyPI-all.zip " + rec.path("id").asText() + " "
                        + a.path("package").path("name").asText() + " (" + a.path("versions").size() + " versions)", () -> {
                            for (JsonNode v : a.path("versions")) {
                                if (!Pep440Version.isValid(v.asText())) {
                                    continue;
                                }
                                boolean listedBelow = LISTED_BELOW_RANGE.contains(rec.path("id").asText() + " " + v.asText());
                                assertThat(rs.stream().anyMatch(r -> r.affects(eco, v.asText())))
                                        .as("%s listed as affected", v.asText()).isEqualTo(!listedBelow);
                            }
                        }));
            }
            return tests.stream();
        });
    }

    /** For every Go vulndb range: an {@code introduced} version is affected, a {@code fixed} one is not. */
    @TestFactory
    Stream<DynamicTest> goRangesHoldAtTheirOwnBoundaries() {
        return OsvVersions.records("osv/Go-all.zip").stream().flatMap(rec -> {
            List<DynamicTest> tests = new ArrayList<>();
            for (JsonNode a : rec.path("affected")) {
                String eco = a.path("package").path("ecosystem").asText();
                for (OsvRange r : ranges(a)) {
                    tests.add(DynamicTest.dynamicTest("osv/Go-all.zip " + rec.path("id").asText() + " "
                            + a.path("package").path("name").asText() + " " + r.events(), () -> {
                                for (OsvEvent e : r.events()) {
                                    if (e.kind() == OsvEvent.Kind.FIXED) {
                                        assertThat(r.affects(eco, e.version())).as("fixed %s", e.version()).isFalse();
                                    } else if (e.kind() == OsvEvent.Kind.INTRODUCED && !e.version().equals("0")) {
                                        assertThat(r.affects(eco, e.version())).as("introduced %s", e.version()).isTrue();
                                    }
                                }
                            }));
                }
            }
            return tests.stream();
        });
    }

    @Test
    void eventsWalkedInVersionOrderWhateverTheRecordOrder() {
        OsvRange r = new OsvRange(OsvRange.Type.ECOSYSTEM, List.of(OsvEvent.fixed("2.0"), OsvEvent.introduced("3.0"),
                OsvEvent.introduced("1.0"), OsvEvent.fixed("4.0")));
        assertThat(r.affects("PyPI", "0.9")).isFalse();
        assertThat(r.affects("PyPI", "1.0")).isTrue();
        assertThat(r.affects("PyPI", "1.9.9")).isTrue();
        assertThat(r.affects("PyPI", "2.0")).isFalse();
        assertThat(r.affects("PyPI", "3.5")).isTrue();
        assertThat(r.affects("PyPI", "4.0")).isFalse();
    }

    @Test
    void lastAffectedAndLimit() {
        OsvRange last = new OsvRange(OsvRange.Type.ECOSYSTEM, List.of(OsvEvent.introduced("0"), OsvEvent.lastAffected("1.2.3-1")));
        assertThat(last.affects("Debian:12", "1.2.3-1")).isTrue();
        assertThat(last.affects("Debian:12", "1.2.3-1+deb12u1")).isFalse();
        OsvRange limited = new OsvRange(OsvRange.Type.SEMVER, List.of(OsvEvent.introduced("1.0.0"), OsvEvent.limit("1.5.0")));
        assertThat(limited.affects("npm", "1.4.9")).isTrue();
        assertThat(limited.affects("npm", "1.5.0")).isFalse();
        OsvRange unlimited = new OsvRange(OsvRange.Type.SEMVER, List.of(OsvEvent.introduced("1.0.0"), OsvEvent.limit("*")));
        assertThat(unlimited.affects("npm", "9.0.0")).isTrue();
    }

    @Test
    void ecosystemDecidesTheScheme() {
        OsvRange alpine = new OsvRange(OsvRange.Type.ECOSYSTEM, List.of(OsvEvent.introduced("0"), OsvEvent.fixed("1.36.1-r2")));
        assertThat(alpine.affects("Alpine:v3.20", "1.36.1-r1")).isTrue();
        assertThat(alpine.affects("Alpine:v3.20", "1.36.1_p1-r0")).isFalse();
        OsvRange maven = new OsvRange(OsvRange.Type.ECOSYSTEM, List.of(OsvEvent.introduced("2.0-beta9"), OsvEvent.fixed("2.15.0")));
        assertThat(maven.affects("Maven", "2.14.1")).isTrue();
        assertThat(maven.affects("Maven", "2.15.0")).isFalse();
        OsvRange stdlib = new OsvRange(OsvRange.Type.SEMVER, List.of(OsvEvent.introduced("1.21.0-0"), OsvEvent.fixed("1.21.3")));
        assertThat(stdlib.affects("Go", "go1.21.2")).isTrue();
        assertThat(stdlib.affects("Go", "go1.21rc2")).isTrue();
        assertThat(stdlib.affects("Go", "go1.21.3")).isFalse();
        assertThat(stdlib.affects("Go", "v1.20.9")).isFalse();
        assertThatThrownBy(() -> new OsvRange(OsvRange.Type.GIT, List.of()).affects("Go", "v1.0.0"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("osv: ");
        assertThatThrownBy(() -> OsvEcosystems.scheme("Hackage", OsvRange.Type.ECOSYSTEM))
                .hasMessageContaining("Hackage");
    }
}
