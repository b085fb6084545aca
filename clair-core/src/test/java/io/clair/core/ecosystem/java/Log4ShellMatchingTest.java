package io.clair.core.ecosystem.java;

import static org.assertj.core.api.Assertions.assertThat;

import io.clair.core.ecosystem.osv.OsvArchiveParser;
import io.clair.core.index.IndexReport;
import io.clair.core.testing.MatchingFixture;
import io.clair.core.testing.TestData;
import io.clair.core.vuln.Fingerprint;
import io.clair.core.vuln.Severity;
import io.clair.core.vuln.Vulnerability;
import io.clair.core.vuln.VulnerabilityReport;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real log4j-core 2.14.1 jar from Maven Central, indexed from a layer, gets Log4Shell from OSV Maven data: the
 * real osv.dev Maven records of the shared test data lack it, so the GHSA-jfh8-c2jp-5v3q record is written here from
 * the published advisory (affected ranges, aliases, CVSS vector) and served in osv.dev's all.zip layout beside them.
 */
class Log4ShellMatchingTest {
    /** The advisory's affected ranges as osv.dev publishes them. */
    private static final String GHSA = """
            {"id":"GHSA-jfh8-c2jp-5v3q","modified":"2024-03-15T00:00:00Z","published":"2021-12-10T00:40:56Z",
             "aliases":["CVE-2021-44228"],"summary":"Remote code injection in Log4j",
             "affected":[{"package":{"ecosystem":"Maven","name":"org.apache.logging.log4j:log4j-core"},
               "ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"2.0-beta9"},{"fixed":"2.3.1"},
                 {"introduced":"2.4"},{"fixed":"2.12.2"},{"introduced":"2.13.0"},{"fixed":"2.15.0"}]}]}],
             "severity":[{"type":"CVSS_V3","score":"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H"}]}
            """;

    @TempDir
    Path tmp;

    @Test
    void log4jCore2141GetsLog4Shell() throws Exception {
        Path root = tmp.resolve("rootfs/opt/app/lib");
        Files.createDirectories(root);
        Files.copy(JavaTree.archive("log4j-core-2.14.1.jar"), root.resolve("log4j-core-2.14.1.jar"));
        MatchingFixture f = MatchingFixture.create("postgres");
        IndexReport report = f.indexDirectory("log4j", tmp.resolve("rootfs"));
        assertThat(report.packages().values()).anySatisfy(p -> {
            assertThat(p.name()).isEqualTo("org.apache.logging.log4j:log4j-core");
            assertThat(p.version()).isEqualTo("2.14.1");
        });

        List<Vulnerability> vulns = new ArrayList<>();
        for (byte[] zip : mavenArchives()) {
            vulns.addAll(new OsvArchiveParser("osv/maven", "Maven", Clock.systemUTC())
                    .parse(new java.io.ByteArrayInputStream(zip)));
        }
        assertThat(vulns).anySatisfy(v -> assertThat(v.name()).isEqualTo("GHSA-jfh8-c2jp-5v3q"));
        f.vulns().recordUpdate("osv/maven", new Fingerprint("m"), vulns, null);

        VulnerabilityReport vr = f.matcher().match(report);
        List<Vulnerability> found = vr.vulnerabilities().values().stream().toList();
        assertThat(found).extracting(Vulnerability::name).containsExactly("GHSA-jfh8-c2jp-5v3q");
        Vulnerability log4shell = found.get(0);
        assertThat(log4shell.links()).contains("CVE-2021-44228");
        assertThat(log4shell.normalizedSeverity()).isEqualTo(Severity.Critical);
        assertThat(log4shell.fixedInVersion()).contains("fixed=2.15.0");
    }

    /** The real Maven all.zip of the test data with the advisory added. */
    private static List<byte[]> mavenArchives() throws Exception {
        List<byte[]> out = new ArrayList<>();
        try (ZipInputStream outer = new ZipInputStream(Files.newInputStream(TestData.path("osv/maven.zip")))) {
            for (ZipEntry e; (e = outer.getNextEntry()) != null; ) {
                out.add(outer.readAllBytes());
            }
        }
        ByteArrayOutputStream extra = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(extra)) {
            zip.putNextEntry(new ZipEntry("GHSA-jfh8-c2jp-5v3q.json"));
            zip.write(GHSA.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        out.add(extra.toByteArray());
        return out;
    }
}
