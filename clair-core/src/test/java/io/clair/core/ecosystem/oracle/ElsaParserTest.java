package io.clair.core.ecosystem.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import io.clair.core.index.Distribution;
import io.clair.core.index.Package;
import io.clair.core.index.PackageKind;
import io.clair.core.oval.OvalDocument;
import io.clair.core.oval.OvalInput;
import io.clair.core.oval.OvalReader;
import io.clair.core.oval.OvalXPath;
import io.clair.core.testing.TestData;
import io.clair.core.vuln.ArchOp;
import io.clair.core.vuln.Severity;
import io.clair.core.vuln.Vulnerability;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The ELSA parser on Oracle's real OVAL excerpts, against the records an XPath reading of each file predicts. */
class ElsaParserTest {
    static final String UPDATER = "oracle-2019-updater";

    static List<Vulnerability> parse(String file) throws IOException {
        try (InputStream in = Files.newInputStream(TestData.path(file))) {
            return new ElsaParser(UPDATER).parse(in);
        }
    }

    /** What the file says, record by record, read with a DOM: one record per rpm criterion and Oracle platform. */
    static List<Vulnerability> expected(String file) throws Exception {
        OvalXPath x;
        try (InputStream in = OvalInput.decompressed(Files.newInputStream(TestData.path(file)), "test")) {
            x = new OvalXPath(in);
        }
        Pattern platform = Pattern.compile("Oracle Linux (\\d+)");
        Set<Vulnerability> out = new LinkedHashSet<>();
        for (OvalXPath.Def d : x.definitions()) {
            for (String p : d.platforms()) {
                Matcher m = platform.matcher(p);
                if (!m.matches()) {
                    continue;
                }
                Distribution dist = OracleDistributions.release(Integer.parseInt(m.group(1)));
                for (OvalXPath.Pkg pkg : d.packages()) {
                    out.add(new Vulnerability("", UPDATER, d.title(), d.description(), day(d.issued()),
                            String.join(" ", d.links()), d.severity(), severity(d.severity()),
                            Package.builder(pkg.name(), "").kind(PackageKind.BINARY).module(pkg.module())
                                    .arch(pkg.arch()).build(), dist, null, pkg.evr(), null,
                            archOp(pkg.arch(), pkg.archOperation()), false));
                }
            }
        }
        return new ArrayList<>(out);
    }

    @ParameterizedTest
    @ValueSource(strings = {"oracle/ELSA-2007-0057.xml", "oracle/fetcher_oracle_test.1.xml",
            "oracle/fetcher_oracle_test.2.xml", "oracle/all-positive-data.xml.bz2"})
    void everyRecordIsWhatTheFileSays(String file) throws Exception {
        List<Vulnerability> want = expected(file);
        assertThat(parse(file)).containsExactlyInAnyOrderElementsOf(want);
    }

    @Test
    void elsa2007_0057FixesBindOnOracleLinux5() throws IOException {
        List<Vulnerability> got = parse("oracle/ELSA-2007-0057.xml");
        assertThat(got).allSatisfy(v -> {
            assertThat(v.name()).isEqualTo("ELSA-2007-0057:  Moderate: bind security update  (MODERATE)");
            assertThat(v.distribution()).isEqualTo(OracleDistributions.release(5));
            assertThat(v.distribution().did()).isEqualTo("ol");
            assertThat(v.distribution().name()).isEqualTo("Oracle Linux Server");
            assertThat(v.distribution().version()).isEqualTo("5");
            assertThat(v.severity()).isEqualTo("MODERATE");
            assertThat(v.normalizedSeverity()).isEqualTo(Severity.Medium);
            assertThat(v.issued()).isEqualTo(Instant.parse("2007-06-26T00:00:00Z"));
            assertThat(v.links()).contains("http://linux.oracle.com/errata/ELSA-2007-0057.html",
                    "http://linux.oracle.com/cve/CVE-2007-0493.html");
            assertThat(v.description()).startsWith("[30:9.3.3-8]");
            assertThat(v.pkg().kind()).isEqualTo(PackageKind.BINARY);
        });
        assertThat(got).filteredOn(v -> v.pkg().name().equals("bind-devel")).singleElement()
                .satisfies(v -> assertThat(v.fixedInVersion()).isEqualTo("30:9.3.3-8.el5"));
        // the release package and the signing-key checks are tests too, but not package fixes
        assertThat(got).extracting(v -> v.pkg().name()).doesNotContain("oraclelinux-release", "enterprise-release");
    }

    @Test
    void theExcerptsWithTestsGiveRecords() throws Exception {
        for (String f : List.of("oracle/ELSA-2007-0057.xml", "oracle/fetcher_oracle_test.1.xml",
                "oracle/fetcher_oracle_test.2.xml")) {
            assertThat(expected(f)).as(f).isNotEmpty();
        }
        List<Vulnerability> got = parse("oracle/fetcher_oracle_test.2.xml");
        assertThat(got).filteredOn(v -> !v.pkg().arch().isEmpty())
                .allSatisfy(v -> assertThat(v.archOp()).isNotEqualTo(ArchOp.NONE));
    }

    @Test
    void platformsMapToTheScannersReleases() throws Exception {
        // all-positive-data.xml.bz2 is vuln-list-update's definitions-only excerpt: 14 definitions for Oracle Linux
        // 5, 6 and 7 whose criteria lead to tests the file does not hold, so no package record can come of it.
        OvalDocument doc;
        try (InputStream in = OvalInput.decompressed(Files.newInputStream(
                TestData.path("oracle/all-positive-data.xml.bz2")), "oracle")) {
            doc = OvalReader.read(in, "oracle");
        }
        assertThat(doc.tests()).isEmpty();
        Set<Distribution> releases = new LinkedHashSet<>();
        for (OvalDocument.Definition d : doc.definitions()) {
            List<Distribution> r = ElsaParser.releases(d);
            assertThat(r).as(d.id()).hasSameSizeAs(d.platforms());
            releases.addAll(r);
        }
        assertThat(releases).containsExactlyInAnyOrder(OracleDistributions.release(5), OracleDistributions.release(6),
                OracleDistributions.release(7));
        assertThat(parse("oracle/all-positive-data.xml.bz2")).isEmpty();
    }

    static Instant day(String date) {
        return date.isEmpty() ? null : LocalDate.parse(date.substring(0, 10)).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    static Severity severity(String s) {
        return switch (s.toUpperCase()) {
            case "LOW" -> Severity.Low;
            case "MODERATE" -> Severity.Medium;
            case "IMPORTANT" -> Severity.High;
            case "CRITICAL" -> Severity.Critical;
            default -> Severity.Unknown;
        };
    }

    static ArchOp archOp(String arch, String op) {
        if (arch.isEmpty()) {
            return ArchOp.NONE;
        }
        return switch (op) {
            case "pattern match" -> ArchOp.PATTERN_MATCH;
            case "not equal" -> ArchOp.NOT_EQUALS;
            default -> ArchOp.EQUALS;
        };
    }
}
