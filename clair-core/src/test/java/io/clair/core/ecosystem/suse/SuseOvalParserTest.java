package io.clair.core.ecosystem.suse;

import static org.assertj.core.api.Assertions.assertThat;

import io.clair.core.index.Distribution;
import io.clair.core.index.Package;
import io.clair.core.index.PackageKind;
import io.clair.core.oval.OvalInput;
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
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The SUSE OVAL parser on SUSE's real OVAL excerpts, against the records an XPath reading of each file predicts. */
class SuseOvalParserTest {
    static final Distribution SLES_12 = SuseDistributions.sles(12);
    static final Distribution SLES_15 = SuseDistributions.sles(15);
    static final Distribution LEAP = SuseDistributions.leap("15.5");

    static List<Vulnerability> parse(String file, Distribution d) throws IOException {
        try (InputStream in = Files.newInputStream(TestData.path(file))) {
            return new SuseOvalParser("suse-updater-test", d).parse(in);
        }
    }

    static List<Vulnerability> expected(String file, Distribution d) throws Exception {
        OvalXPath x;
        try (InputStream in = OvalInput.decompressed(Files.newInputStream(TestData.path(file)), "test")) {
            x = new OvalXPath(in);
        }
        Set<Vulnerability> out = new LinkedHashSet<>();
        for (OvalXPath.Def def : x.definitions()) {
            Instant issued = def.issued().isEmpty() ? null
                    : LocalDate.parse(def.issued().substring(0, 10)).atStartOfDay().toInstant(ZoneOffset.UTC);
            for (OvalXPath.Pkg p : def.packages()) {
                ArchOp op = p.arch().isEmpty() ? ArchOp.NONE
                        : p.archOperation().equals("pattern match") ? ArchOp.PATTERN_MATCH : ArchOp.EQUALS;
                out.add(new Vulnerability("", "suse-updater-test", def.title(), def.description(), issued,
                        String.join(" ", def.links()), def.severity(), severity(def.severity()),
                        Package.builder(p.name(), "").kind(PackageKind.BINARY).module(p.module()).arch(p.arch())
                                .build(), d, null, p.evr(), null, op, false));
            }
        }
        return new ArrayList<>(out);
    }

    @ParameterizedTest
    @CsvSource({"suse/fetcher_sle_test.1.xml,12", "suse/fetcher_opensuse_test.1.xml,0", "suse/suse_truncated.xml,15"})
    void everyRecordIsWhatTheFileSays(String file, int sles) throws Exception {
        Distribution d = sles == 0 ? LEAP : SuseDistributions.sles(sles);
        List<Vulnerability> want = expected(file, d);
        assertThat(want).isNotEmpty();
        assertThat(parse(file, d)).containsExactlyInAnyOrderElementsOf(want);
    }

    @Test
    void xfsprogsOnSles12() throws IOException {
        // two criteria (SLES 12 and 12 SP1) lead to the same package test: one record
        assertThat(parse("suse/fetcher_sle_test.1.xml", SLES_12)).singleElement().satisfies(v -> {
            assertThat(v.name()).isEqualTo("CVE-2012-2150");
            assertThat(v.pkg().name()).isEqualTo("xfsprogs");
            assertThat(v.fixedInVersion()).isEqualTo("0:3.2.1-3.5");
            assertThat(v.distribution()).isEqualTo(SLES_12);
            assertThat(v.distribution().did()).isEqualTo("sles");
            assertThat(v.distribution().name()).isEqualTo("SLES");
            assertThat(v.distribution().version()).isEqualTo("12");
            assertThat(v.links()).isEqualTo("http://cve.mitre.org/cgi-bin/cvename.cgi?name=CVE-2012-2150");
            assertThat(v.description()).startsWith("xfs_metadump in xfsprogs before 3.2.4");
        });
    }

    @Test
    void notAffectedTestsAndUnknownOperationsGiveNoRecord() throws IOException {
        List<Vulnerability> got = parse("suse/suse_truncated.xml", SLES_15);
        // CVE-1999-0524 only says "kernel-default is not affected" (a version ==0 check without an evr)
        assertThat(got).extracting(Vulnerability::name).doesNotContain("CVE-1999-0524");
        // vunnel's fixture has one evr with operation="6", which is no OVAL operation: left out rather than guessed
        assertThat(got).extracting(Vulnerability::fixedInVersion).doesNotContain("0:1.15.2-4.25");
        assertThat(got).filteredOn(v -> v.name().equals("CVE-2021-29154")).isNotEmpty()
                .allSatisfy(v -> assertThat(v.normalizedSeverity()).isEqualTo(severity(v.severity())));
        assertThat(got).filteredOn(v -> v.name().equals("CVE-2021-29154"))
                .allSatisfy(v -> assertThat(v.issued()).isNotNull());
    }

    static Severity severity(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "low" -> Severity.Low;
            case "moderate" -> Severity.Medium;
            case "important" -> Severity.High;
            case "critical" -> Severity.Critical;
            default -> Severity.Unknown;
        };
    }
}
