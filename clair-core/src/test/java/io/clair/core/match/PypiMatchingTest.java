package io.clair.core.match;

import static org.assertj.core.api.Assertions.assertThat;

import io.clair.core.ecosystem.osv.OsvArchiveParser;
import io.clair.core.index.IndexReport;
import io.clair.core.testing.MatchingFixture;
import io.clair.core.testing.Rootfs;
import io.clair.core.testing.TestData;
import io.clair.core.version.OracleProcess;
import io.clair.core.vuln.Fingerprint;
import io.clair.core.vuln.Vulnerability;
import io.clair.core.vuln.VulnerabilityReport;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Python packages (dist-info metadata of real package versions) against the real PyPI OSV records, with the expected
 * answer computed independently by a Python script that evaluates the raw OSV events with pypa/packaging's
 * {@code Version}: precision and recall must both be 1.
 */
class PypiMatchingTest {
    /** Real releases of packages the OSV data covers: old vulnerable ones and recent ones. */
    private static final List<String[]> INSTALLED = List.of(
            new String[] {"requests", "2.19.0"}, new String[] {"requests", "2.32.3"},
            new String[] {"Django", "1.11.0"}, new String[] {"django", "4.2.16"},
            new String[] {"Jinja2", "2.10"}, new String[] {"urllib3", "1.24.1"}, new String[] {"PyYAML", "5.3"},
            new String[] {"cryptography", "3.2"}, new String[] {"Pillow", "8.0.0"}, new String[] {"flask", "0.12.2"},
            new String[] {"setuptools", "65.5.0"}, new String[] {"pip", "20.0"}, new String[] {"Werkzeug", "2.2.2"},
            new String[] {"paramiko", "2.4.1"}, new String[] {"lxml", "4.6.2"}, new String[] {"numpy", "1.21.0"});

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"memory", "postgres"})
    void distInfoPackagesAgainstOsv(String storeKind) throws Exception {
        Path site = tmp.resolve("rootfs/opt/venv/lib/python3.11/site-packages");
        for (String[] p : INSTALLED) {
            Path dir = site.resolve(p[0] + "-" + p[1] + ".dist-info");
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("METADATA"), "Metadata-Version: 2.1\nName: " + p[0] + "\nVersion: " + p[1]
                    + "\n");
        }
        MatchingFixture f = MatchingFixture.create(storeKind);
        IndexReport report = f.indexDirectory("python-" + storeKind, tmp.resolve("rootfs"));
        assertThat(report.packages()).hasSize(INSTALLED.size());
        List<Vulnerability> vulns;
        try (InputStream in = Files.newInputStream(TestData.path("osv/PyPI-all.zip"))) {
            vulns = new OsvArchiveParser("osv/pypi", "PyPI", Clock.systemUTC()).parse(in);
        }
        f.vulns().recordUpdate("osv/pypi", new Fingerprint("p"), vulns, null);
        VulnerabilityReport vr = f.matcher().match(report);
        Set<String> actual = new TreeSet<>();
        vr.packageVulnerabilities().forEach((id, ids) -> ids.forEach(vid -> actual.add(
                vr.packages().get(id).name() + " " + vr.packages().get(id).version() + " "
                        + vr.vulnerabilities().get(vid).name())));
        Set<String> expected = oracle();
        assertThat(expected).as("the chosen versions must be affected by something").hasSizeGreaterThan(20);
        assertThat(actual).containsExactlyElementsOf(expected);
    }

    /** packaging.version over the raw OSV records: "<normalized name> <version> <id>" per affected pair. */
    private static Set<String> oracle() throws Exception {
        OracleProcess.requireWorks(List.of("/usr/bin/python3", "-c", "import packaging.version"),
                "apt-get install python3-packaging");
        Path script = OracleProcess.script("osv-pypi-oracle.py", """
                import json, re, sys, zipfile
                from packaging.version import Version, InvalidVersion
                zf = zipfile.ZipFile(sys.argv[1])
                installed = [l.split() for l in open(sys.argv[2]).read().splitlines() if l.strip()]
                norm = lambda n: re.sub(r"[-_.]+", "-", n).lower()
                for info in zf.infolist():
                    rec = json.loads(zf.read(info))
                    if rec.get("withdrawn"):
                        continue
                    for aff in rec.get("affected", []):
                        pkg = aff.get("package", {})
                        if pkg.get("ecosystem") != "PyPI":
                            continue
                        for name, ver in installed:
                            if norm(pkg["name"]) != norm(name):
                                continue
                            v = Version(ver)
                            hit = ver in aff.get("versions", [])
                            for r in aff.get("ranges", []):
                                if r.get("type") != "ECOSYSTEM":
                                    continue
                                inside = False
                                for ev in r.get("events", []):
                                    try:
                                        if "introduced" in ev:
                                            if ev["introduced"] == "0" or v >= Version(ev["introduced"]):
                                                inside = True
                                        elif "fixed" in ev and v >= Version(ev["fixed"]):
                                            inside = False
                                        elif "last_affected" in ev and v > Version(ev["last_affected"]):
                                            inside = False
                                        elif "limit" in ev and ev["limit"] != "*" and v >= Version(ev["limit"]):
                                            inside = False
                                    except InvalidVersion:
                                        pass
                                hit = hit or inside
                            if hit:
                                print(norm(name), ver, rec["id"])
                """);
        List<String> input = new ArrayList<>();
        INSTALLED.forEach(p -> input.add(p[0] + " " + p[1]));
        Path list = Files.createTempFile("installed", ".txt");
        Files.write(list, input);
        return new TreeSet<>(Rootfs.run(List.of("/usr/bin/python3", script.toString(),
                TestData.path("osv/PyPI-all.zip").toString(), list.toString())).lines().toList());
    }
}
