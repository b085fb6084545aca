package io.clair.core.ecosystem.rhel;

import static org.assertj.core.api.Assertions.assertThat;

import io.clair.core.index.IndexReport;
import io.clair.core.index.Package;
import io.clair.core.index.PackageKind;
import io.clair.core.testing.MatchingFixture;
import io.clair.core.testing.Rootfs;
import io.clair.core.testing.TestData;
import io.clair.core.version.OracleProcess;
import io.clair.core.vuln.ArchOp;
import io.clair.core.vuln.Fingerprint;
import io.clair.core.vuln.Vulnerability;
import io.clair.core.vuln.VulnerabilityReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A RHEL 8 image (real os-release and redhat-release, the real CentOS 8 rpm database) against Red Hat VEX records:
 * real records from Red Hat's CVE-2023-4154 document, re-aimed at packages the image really has, with fixed
 * versions around the installed ones; the expected answer comes from rpm's own {@code labelCompare}. A not-affected
 * statement suppresses a finding that the same data would otherwise report, and records of RHEL 9 products never
 * apply.
 */
class RhelMatchingTest {
    private static final Path CENTOS8 = Path.of(
            "/usr/share/gocode/src/github.com/knqyf263/go-rpmdb/pkg/testdata/centos8-modularitylabel/Packages");

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"memory", "postgres"})
    void rhel8ImageAgainstRedHatData(String storeKind) throws Exception {
        assertThat(CENTOS8).as("the CentOS 8 rpm database; apt-get install golang-github-knqyf263-go-rpmdb-dev")
                .isRegularFile();
        Path root = tmp.resolve("rootfs");
        Files.createDirectories(root.resolve("var/lib/rpm"));
        Files.copy(CENTOS8, root.resolve("var/lib/rpm/Packages"));
        Rootfs.run(List.of("tar", "-xf", TestData.path("rhel/releasefiles.tar").toString(), "-C", tmp.toString(),
                "rhel/testdata/releasefiles/8/etc"));
        Files.createDirectories(root.resolve("etc"));
        for (String f : List.of("os-release", "redhat-release")) {
            Files.copy(tmp.resolve("rhel/testdata/releasefiles/8/etc/" + f), root.resolve("etc/" + f));
        }
        MatchingFixture fx = MatchingFixture.create(storeKind);
        IndexReport report = fx.indexDirectory("rhel8-" + storeKind, root);
        assertThat(report.packages()).hasSizeGreaterThan(100);

        // real statements of Red Hat's VEX documents about RHEL 8 and RHEL 9 products; the shared data has no
        // "fixed" RHEL 8 record, so fixed records are derived from a known-affected one (same product)
        List<Vulnerability> published = new ArrayList<>();
        for (var doc : VexDocumentParserTest.archive().values()) {
            published.addAll(VexDocumentParserTest.records(doc));
        }
        Vulnerability fixed8 = template(published, 8);
        List<Vulnerability> samba = VexDocumentParserTest.records(VexDocumentParserTest.read("rhel/vex/cve-2023-4154.json"));
        Vulnerability notAffected8 = samba.stream().filter(Vulnerability::notVulnerable)
                .filter(v -> release(v) == 8).findFirst().orElseThrow();
        Vulnerability rhel9 = samba.stream().filter(v -> v.repository() != null && release(v) == 9).findFirst()
                .orElseThrow();
        // the same fix, published for the RHEL 9 product only: must never apply to a RHEL 8 image
        Vulnerability fixed9 = new Vulnerability("", fixed8.updater(), fixed8.name(), fixed8.description(),
                fixed8.issued(), fixed8.links(), fixed8.severity(), fixed8.normalizedSeverity(), fixed8.pkg(),
                fixed8.distribution(), rhel9.repository(), fixed8.fixedInVersion(), null, ArchOp.NONE, false);

        List<Package> installed = report.packages().values().stream()
                .filter(p -> p.module().isEmpty() && p.source() != null).sorted(
                        java.util.Comparator.comparing(Package::name)).limit(25).toList();
        List<Vulnerability> data = new ArrayList<>();
        List<String[]> pairs = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        Set<String> suppressed = new TreeSet<>();
        int n = 0;
        for (Package p : installed) {
            for (String fixed : candidates(p.version())) {
                String cve = "CVE-2099-" + (1000 + n++);
                data.add(reaim(fixed8, cve, p.name(), PackageKind.BINARY, fixed));
                data.add(reaim(fixed9, cve, p.name(), PackageKind.BINARY, fixed));
                pairs.add(new String[] {p.version(), fixed});
                labels.add(p.name() + " " + cve);
                if (n % 7 == 0) {
                    // Red Hat says this product is not affected: the statement names the source package
                    data.add(reaim(notAffected8, cve, p.source().name(), PackageKind.SOURCE, "0"));
                    suppressed.add(p.name() + " " + cve);
                }
            }
        }
        fx.vulns().recordUpdate("rhel-vex", new Fingerprint("t"), data, null);
        VulnerabilityReport vr = fx.matcher().match(report);
        Set<String> actual = new TreeSet<>();
        vr.packageVulnerabilities().forEach((id, ids) -> ids.forEach(v -> actual.add(
                vr.packages().get(id).name() + " " + vr.vulnerabilities().get(v).name())));

        List<String> answers = labelCompare(pairs);
        Set<String> vulnerable = new TreeSet<>();
        for (int i = 0; i < pairs.size(); i++) {
            if (answers.get(i).equals("<")) {
                vulnerable.add(labels.get(i));
            }
        }
        Set<String> expected = new TreeSet<>(vulnerable);
        expected.removeAll(suppressed);
        Set<String> actuallySuppressed = new TreeSet<>(vulnerable);
        actuallySuppressed.retainAll(suppressed);
        assertThat(actuallySuppressed).as("some findings are suppressed by not-affected statements").isNotEmpty();
        assertThat(expected).as("some findings remain").isNotEmpty();
        assertThat(actual).containsExactlyElementsOf(expected);
        // every finding comes from the RHEL 8 product, never the RHEL 9 one
        vr.vulnerabilities().values().forEach(v -> assertThat(release(v)).isEqualTo(8));
    }

    private static int release(Vulnerability v) {
        return RhelCpe.parse(v.repository().cpe()).enterpriseLinuxRelease().orElse(-1);
    }

    private static Vulnerability template(List<Vulnerability> real, int release) {
        return real.stream().filter(v -> !v.notVulnerable() && v.repository() != null)
                .filter(v -> release(v) == release).findFirst().orElseThrow(() -> new AssertionError(
                        "no record for RHEL " + release + " in the document: " + real.stream().map(v ->
                                v.pkg().kind() + "/" + v.fixedInVersion() + "/" + (v.repository() == null ? "-"
                                        : v.repository().cpe())).toList()));
    }

    /** The real record, about another CVE, package and fixed version, with no architecture restriction. */
    private static Vulnerability reaim(Vulnerability t, String cve, String pkg, PackageKind kind, String fixed) {
        return new Vulnerability("", t.updater(), cve, t.description(), t.issued(), t.links(), t.severity(),
                t.normalizedSeverity(), Package.builder(pkg, "").kind(kind).build(),
                t.distribution(), t.repository(), fixed, null, ArchOp.NONE, t.notVulnerable());
    }

    /** Fixed versions just above, at and below an installed {@code [epoch:]version-release}. */
    private static List<String> candidates(String evr) {
        int dash = evr.lastIndexOf('-');
        String vr = evr.substring(0, dash);
        String rel = evr.substring(dash + 1);
        return List.of(vr + "-" + rel + ".1", evr, vr + "-0." + rel, bump(vr) + "-1");
    }

    private static String bump(String v) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)(?!.*\\d)").matcher(v);
        return m.find() ? v.substring(0, m.start()) + (Long.parseLong(m.group(1)) + 1) + v.substring(m.end()) : v + ".1";
    }

    /** rpm's own order (python3-rpm labelCompare) for each (installed, fixed) pair. */
    private static List<String> labelCompare(List<String[]> pairs) {
        OracleProcess.requireWorks(List.of("/usr/bin/python3", "-c", "import rpm"), "apt-get install python3-rpm");
        Path script = OracleProcess.script("rpm-label-compare.py", """
                import sys, rpm
                def evr(s):
                    e, _, rest = s.rpartition(":")
                    v, _, r = rest.rpartition("-")
                    return (e or "0", v, r)
                for line in sys.stdin:
                    a, b = line.rstrip("\\n").split("\\t")
                    c = rpm.labelCompare(evr(a), evr(b))
                    print("<" if c < 0 else ">" if c > 0 else "=", flush=True)
                """);
        List<String> input = new ArrayList<>();
        pairs.forEach(p -> input.add(p[0] + "\t" + p[1]));
        return OracleProcess.run(List.of("/usr/bin/python3", script.toString()), input, 300);
    }
}
