package io.clair.core.match;

import static org.assertj.core.api.Assertions.assertThat;

import io.clair.core.ecosystem.debian.TrackerParser;
import io.clair.core.index.IndexReport;
import io.clair.core.index.Package;
import io.clair.core.testing.DerivedFeeds;
import io.clair.core.testing.MatchingFixture;
import io.clair.core.testing.TestData;
import io.clair.core.testing.VersionOracles;
import io.clair.core.vuln.Fingerprint;
import io.clair.core.vuln.Vulnerability;
import io.clair.core.vuln.VulnerabilityReport;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A real debootstrap bookworm package database against the Debian tracker excerpts plus tracker entries derived for
 * its own source packages (resolved just above, at and below each source version, open, not-affected), with the
 * expected answer computed by dpkg's own comparison (Dpkg::Version): precision and recall must both be 1.
 */
class DebianMatchingTest {
    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"memory", "postgres"})
    void bookwormAgainstTracker(String storeKind) throws Exception {
        Path root = tmp.resolve("rootfs");
        Files.createDirectories(root.resolve("var/lib/dpkg"));
        Files.createDirectories(root.resolve("etc"));
        Files.copy(TestData.path("debian/bookworm-minbase/status"), root.resolve("var/lib/dpkg/status"));
        Files.copy(TestData.path("debian/bookworm-minbase/os-release"), root.resolve("etc/os-release"));
        MatchingFixture f = MatchingFixture.create(storeKind);
        IndexReport report = f.indexDirectory("bookworm", root);
        assertThat(report.packages()).hasSize(88);

        TrackerParser parser = new TrackerParser("debian/updater");
        List<Vulnerability> vulns = new ArrayList<>();
        for (String excerpt : List.of("debian/tracker/debian.json", "debian/tracker/fetcher_debian_test.json")) {
            try (InputStream in = Files.newInputStream(TestData.path(excerpt))) {
                vulns.addAll(parser.parse(in));
            }
        }
        vulns.addAll(parser.parse(new ByteArrayInputStream(derivedTracker(report).getBytes(StandardCharsets.UTF_8))));
        f.vulns().recordUpdate("debian/updater", new Fingerprint("t1"), vulns, null);

        VulnerabilityReport vr = f.matcher().match(report);
        Set<String> actual = new TreeSet<>();
        vr.packageVulnerabilities().forEach((pkgId, ids) -> ids.forEach(id -> {
            Vulnerability v = vr.vulnerabilities().get(id);
            actual.add(vr.packages().get(pkgId).name() + " " + v.name() + " " + v.fixedInVersion());
        }));
        Set<String> expected = expected(report, vulns);
        assertThat(expected).as("derived entries must produce matches").hasSizeGreaterThan(88);
        assertThat(actual).containsExactlyElementsOf(expected);
    }

    /** Installed source version < fixed (dpkg's order), or unfixed; only bookworm records apply. */
    private static Set<String> expected(IndexReport report, List<Vulnerability> vulns) {
        List<String[]> pairs = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        Set<String> out = new TreeSet<>();
        for (Package p : report.packages().values()) {
            for (Vulnerability v : vulns) {
                if (v.distribution() == null || !v.distribution().versionId().equals("12")
                        || !v.pkg().name().equals(p.source().name())) {
                    continue;
                }
                String label = p.name() + " " + v.name() + " " + v.fixedInVersion();
                if (v.fixedInVersion().isEmpty()) {
                    out.add(label);
                } else {
                    pairs.add(new String[] {p.source().version(), v.fixedInVersion()});
                    labels.add(label);
                }
            }
        }
        List<String> answers = VersionOracles.dpkg(pairs);
        for (int i = 0; i < pairs.size(); i++) {
            if (answers.get(i).equals("<")) {
                out.add(labels.get(i));
            }
        }
        return out;
    }

    private static String derivedTracker(IndexReport report) {
        Map<String, String> sources = new LinkedHashMap<>();
        report.packages().values().forEach(p -> sources.putIfAbsent(p.source().name(), p.source().version()));
        return DerivedFeeds.tracker("bookworm", sources, 1000);
    }
}
