package io.clair.core.match;

import static org.assertj.core.api.Assertions.assertThat;

import io.clair.core.ecosystem.alpine.AlpineDistributions;
import io.clair.core.ecosystem.alpine.SecDbParser;
import io.clair.core.index.IndexReport;
import io.clair.core.index.Package;
import io.clair.core.testing.DerivedFeeds;
import io.clair.core.testing.MatchingFixture;
import io.clair.core.testing.Rootfs;
import io.clair.core.testing.TestData;
import io.clair.core.testing.VersionOracles;
import io.clair.core.vuln.Fingerprint;
import io.clair.core.vuln.Vulnerability;
import io.clair.core.vuln.VulnerabilityReport;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Alpine 3.6 minirootfs against the real v3.6 secdb plus entries derived from its own packages (fixed versions
 * just above, at and below each installed version, and "0"), with the expected answer computed by apk-tools'
 * {@code apk version -t}: precision and recall must both be 1.
 */
class AlpineMatchingTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"memory", "postgres"})
    void minirootfsAgainstSecdb(String storeKind) throws Exception {
        MatchingFixture f = MatchingFixture.create(storeKind);
        IndexReport report = f.indexDirectory("alpine-3.6.5", Rootfs.alpine("3.6.5"));
        assertThat(report.packages()).hasSizeGreaterThan(10);

        SecDbParser real = new SecDbParser("alpine-main-v3.6-updater", AlpineDistributions.release("v3.6"));
        List<Vulnerability> realVulns;
        try (InputStream in = Files.newInputStream(TestData.path("alpine/secdb/v3.6/main.json"))) {
            realVulns = real.parse(in);
        }
        SecDbParser derivedParser = new SecDbParser("alpine-derived-v3.6-updater", AlpineDistributions.release("v3.6"));
        List<Vulnerability> derived = derivedParser.parse(new ByteArrayInputStream(
                derivedSecdb(report).getBytes(StandardCharsets.UTF_8)));
        f.vulns().recordUpdate("alpine-main-v3.6-updater", new Fingerprint("real"), realVulns, null);
        f.vulns().recordUpdate("alpine-derived-v3.6-updater", new Fingerprint("derived"), derived, null);

        VulnerabilityReport vr = f.matcher().match(report);

        List<Vulnerability> all = new ArrayList<>(realVulns);
        all.addAll(derived);
        Set<String> expected = expected(report, all);
        Set<String> actual = new TreeSet<>();
        vr.packageVulnerabilities().forEach((pkgId, ids) -> ids.forEach(id -> {
            Vulnerability v = vr.vulnerabilities().get(id);
            actual.add(vr.packages().get(pkgId).name() + " " + v.name() + " " + v.fixedInVersion());
        }));
        assertThat(expected).as("the derived entries must produce matches").isNotEmpty();
        assertThat(actual).containsExactlyElementsOf(expected);
    }

    /** Expected (package, vulnerability, fixed) triples: apk says installed < fixed, and fixed is not "0". */
    private static Set<String> expected(IndexReport report, List<Vulnerability> vulns) throws Exception {
        List<String[]> pairs = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (Package p : report.packages().values()) {
            String origin = p.source() == null ? p.name() : p.source().name();
            for (Vulnerability v : vulns) {
                if (!v.pkg().name().equals(origin) || v.fixedInVersion().equals("0")) {
                    continue;
                }
                if (v.fixedInVersion().isEmpty()) {
                    labels.add("always " + p.name() + " " + v.name() + " " + v.fixedInVersion());
                    pairs.add(null);
                    continue;
                }
                pairs.add(new String[] {p.version(), v.fixedInVersion()});
                labels.add(p.name() + " " + v.name() + " " + v.fixedInVersion());
            }
        }
        List<String[]> asked = pairs.stream().filter(x -> x != null).toList();
        List<String> answers = VersionOracles.apk(asked);
        Set<String> out = new TreeSet<>();
        int a = 0;
        for (int i = 0; i < pairs.size(); i++) {
            if (pairs.get(i) == null) {
                out.add(labels.get(i).substring("always ".length()));
            } else if (answers.get(a++).equals("<")) {
                out.add(labels.get(i));
            }
        }
        return out;
    }

    private static String derivedSecdb(IndexReport report) {
        Map<String, String> origins = new LinkedHashMap<>();
        for (Package p : report.packages().values()) {
            origins.putIfAbsent(p.source() == null ? p.name() : p.source().name(), p.version());
        }
        return DerivedFeeds.secdb("v3.6", origins, 1000);
    }
}
