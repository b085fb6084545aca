package io.clair.core.ecosystem.rhel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.luben.zstd.ZstdInputStream;
import io.clair.core.index.PackageKind;
import io.clair.core.testing.TestData;
import io.clair.core.vuln.ArchOp;
import io.clair.core.vuln.Severity;
import io.clair.core.vuln.Vulnerability;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Red Hat's real CSAF VEX documents, each turned into records and checked against a tree walk of the file. */
class VexDocumentParserTest {
    static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode read(String file) throws IOException {
        return JSON.readTree(TestData.path(file).toFile());
    }

    static List<Vulnerability> records(JsonNode doc) {
        return new VexDocumentParser("rhel-vex", true).records(new CsafDocument(doc));
    }

    /** The documents of the bulk archive, by path, read with zstd-jni and commons-compress. */
    static Map<String, JsonNode> archive() throws IOException {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new ZstdInputStream(
                Files.newInputStream(TestData.path("rhel/vex/csaf_vex_2023-10-31.tar.zst"))))) {
            TarArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) {
                if (e.isFile()) {
                    out.put(e.getName(), JSON.readTree(tar.readAllBytes()));
                }
            }
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"rhel/vex/cve-2023-4154.json", "rhel/vex/cve-2023-42670.json",
            "rhel/vex/cve-2024-24786-simple.json", "rhel/vex/cve-2024-24786-bad-rpmmod.json",
            "rhel/vex/cve-2024-24786-illegal-module.json", "rhel/vex/delete_CVE-2023-0030.json",
            "rhel/vex/delete_CVE-2023-0031.json", "rhel/csaf/cve-2021-0084.json", "rhel/csaf/cve-2024-22047.json",
            "rhel/csaf/rhsa-2022-0011.json", "rhel/csaf/cve-1999-0001-deleted.json"})
    void everyRecordIsWhatTheDocumentSays(String file) throws IOException {
        JsonNode doc = read(file);
        assertThat(records(doc)).containsExactlyInAnyOrderElementsOf(new VexExpectations(doc).records(true));
    }

    @Test
    void everyDocumentOfTheBulkArchive() throws IOException {
        Map<String, JsonNode> docs = archive();
        assertThat(docs).hasSize(5);
        int total = 0;
        for (var e : docs.entrySet()) {
            List<Vulnerability> got = records(e.getValue());
            assertThat(got).as(e.getKey()).containsExactlyInAnyOrderElementsOf(
                    new VexExpectations(e.getValue()).records(true));
            total += got.size();
        }
        assertThat(total).isPositive();
        // with kernel packages kept, the kernel-only documents give records too
        JsonNode kernel = docs.get("2023/cve-2023-0045.json");
        assertThat(records(kernel)).isEmpty();
        List<Vulnerability> withKernel = new VexDocumentParser("rhel-vex", false).records(new CsafDocument(kernel));
        assertThat(withKernel).isNotEmpty().containsExactlyInAnyOrderElementsOf(
                new VexExpectations(kernel).records(false));
    }

    @Test
    void aFixedRpmIsABinaryPackageWithItsEvrArchAndRepositoryCpe() throws IOException {
        JsonNode doc = read("rhel/vex/cve-2024-24786-simple.json");
        assertThat(records(doc)).singleElement().satisfies(v -> {
            assertThat(v.name()).isEqualTo("CVE-2024-24786");
            assertThat(v.updater()).isEqualTo("rhel-vex");
            assertThat(v.pkg().name()).isEqualTo("cri-tools");
            assertThat(v.pkg().kind()).isEqualTo(PackageKind.BINARY);
            assertThat(v.pkg().arch()).isEqualTo("aarch64");
            assertThat(v.archOp()).isEqualTo(ArchOp.PATTERN_MATCH);
            assertThat(v.fixedInVersion()).isEqualTo("0:1.29.0-3.1.el9");
            assertThat(v.repository().key()).isEqualTo("rhel-cpe-repository");
            assertThat(v.repository().cpe()).isEqualTo("cpe:2.3:a:redhat:openshift:4.16:*:el9:*:*:*:*:*");
            assertThat(v.repository().name()).isEqualTo(v.repository().cpe());
            assertThat(v.severity()).isEqualTo("CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:N/I:N/A:H");
            assertThat(v.normalizedSeverity()).isEqualTo(Severity.Medium);
            assertThat(v.issued()).isEqualTo(Instant.parse("2024-03-05T00:00:00Z"));
            assertThat(v.links()).startsWith("https://access.redhat.com/security/cve/CVE-2024-24786 ")
                    .endsWith(" https://security.access.redhat.com/data/csaf/v2/vex/2024/cve-2024-24786.json");
            assertThat(v.distribution()).isNull();
            assertThat(v.notVulnerable()).isFalse();
        });
    }

    @Test
    void moduleEdgeCases() throws IOException {
        // rpmmod=go-toolset:rhel8 on a component: the module claircore expects for this file
        assertThat(records(read("rhel/vex/cve-2024-24786-illegal-module.json"))).singleElement().satisfies(v -> {
            assertThat(v.pkg().name()).isEqualTo("go-toolset");
            assertThat(v.pkg().kind()).isEqualTo(PackageKind.SOURCE);
            assertThat(v.pkg().module()).isEqualTo("go-toolset:rhel8");
            assertThat(v.fixedInVersion()).isEmpty();
            assertThat(v.repository().cpe()).isEqualTo("cpe:2.3:o:redhat:enterprise_linux:8:*:*:*:*:*:*:*");
        });
        // rpmmod=rhel10 is no name:stream module: dropped, the package is matched as non-modular
        List<Vulnerability> bad = records(read("rhel/vex/cve-2024-24786-bad-rpmmod.json"));
        assertThat(bad).extracting(v -> v.pkg().name()).containsExactlyInAnyOrder("cri-tools", "good-pkg",
                "firefox-flatpak");
        assertThat(bad).allSatisfy(v -> assertThat(v.pkg().module()).isEmpty());
        assertThat(bad).filteredOn(v -> v.pkg().name().equals("cri-tools")).singleElement().satisfies(v -> {
            assertThat(v.links()).endsWith(" https://access.redhat.com/errata/RHSA-2024:0000");
            assertThat(v.repository().cpe()).isEqualTo("cpe:2.3:a:redhat:enterprise_linux:10:*:appstream:*:*:*:*:*");
        });
    }

    @Test
    void notAffectedStatementsAreRecordedAsSuch() throws IOException {
        JsonNode doc = read("rhel/vex/cve-2023-4154.json");
        List<Vulnerability> got = records(doc);
        java.util.Set<String> components = new java.util.HashSet<>();
        doc.path("vulnerabilities").get(0).path("product_status").path("known_not_affected")
                .forEach(p -> components.add(p.asText().replaceFirst("\\.src$", "")));
        // every status is one component of one release; "samba.src" is the source rpm whose purl names "samba"
        assertThat(got).hasSize(components.size()).allSatisfy(v -> {
            assertThat(v.notVulnerable()).isTrue();
            assertThat(v.fixedInVersion()).isEqualTo("0");
            assertThat(v.pkg().kind()).isEqualTo(PackageKind.SOURCE);
            assertThat(v.normalizedSeverity()).isEqualTo(Severity.Medium);
        });
        assertThat(got).filteredOn(v -> v.pkg().name().equals("samba")).extracting(v -> v.repository().cpe())
                .contains("cpe:2.3:o:redhat:enterprise_linux:9:*:*:*:*:*:*:*");
    }

    @Test
    void deletionStubsAndPurlLessAdvisoriesGiveNoRecords() throws IOException {
        assertThat(new CsafDocument(read("rhel/vex/delete_CVE-2023-0030.json")).status()).isEqualTo("deleted");
        assertThat(records(read("rhel/vex/delete_CVE-2023-0031.json"))).isEmpty();
        // the 2022 advisory format names fixed builds without purls, which claircore does not guess at
        JsonNode rhsa = read("rhel/csaf/rhsa-2022-0011.json");
        assertThat(rhsa.path("vulnerabilities").get(0).path("product_status").path("fixed").size()).isPositive();
        assertThat(records(rhsa)).isEmpty();
    }
}
