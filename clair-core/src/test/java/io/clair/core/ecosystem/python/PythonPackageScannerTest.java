package io.clair.core.ecosystem.python;

import static org.assertj.core.api.Assertions.assertThat;

import io.clair.core.index.Package;
import io.clair.core.osrelease.RootfsFixtures;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The python scanner on a real Debian tree (see {@link BookwormLanguageRoot}) against {@code importlib.metadata}
 * run by the tree's own interpreters: Debian's {@code dist-packages} (egg-info and dist-info directories), a pip
 * virtual environment, a distutils {@code .egg-info} file and an unpacked egg.
 */
class PythonPackageScannerTest {
    /** Lists every distribution importlib sees on sys.path plus argv[1:]: PEP 503 name, version, location. */
    private static final String ORACLE = "import importlib.metadata as m, re, sys\n"
            + "for d in m.distributions(path=sys.path + sys.argv[1:]):\n"
            + "    n = re.sub(r'[-_.]+', '-', d.metadata['Name']).lower()\n"
            + "    print(n + '\\t' + d.version + '\\t' + str(d._path))\n";

    private final PythonPackageScanner scanner = new PythonPackageScanner();

    /** name, version and location of each distribution, from the system interpreter and the venv's. */
    private static List<String[]> oracle(Path root) {
        String sys = BookwormLanguageRoot.chroot(root, "/usr/bin/python3", "-c", ORACLE, BookwormLanguageRoot.EGG);
        String venv = BookwormLanguageRoot.chroot(root, "/opt/venv/bin/python", "-c", ORACLE);
        return (sys + venv).lines().filter(l -> !l.isBlank()).map(l -> l.split("\t")).toList();
    }

    private static Set<String> rows(List<Package> pkgs) {
        return pkgs.stream().map(p -> p.name() + " " + p.version()).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void aDpkgLayerReportsWhatPipAndSetuptoolsInstalledButNotDebiansDistPackages() throws IOException {
        Path root = BookwormLanguageRoot.get();
        List<String[]> oracle = oracle(root);
        // claircore's rule: in a layer with a dpkg database, usr/lib*/python3 belongs to dpkg
        Set<String> expected = oracle.stream().filter(r -> !r[2].startsWith("/usr/lib/python3/"))
                .map(r -> r[0] + " " + r[1]).collect(Collectors.toCollection(TreeSet::new));
        assertThat(expected).as("oracle").hasSizeGreaterThanOrEqualTo(5);

        List<Package> found = scanner.scan(RootfsFixtures.layer(root));

        assertThat(rows(found)).isEqualTo(expected);
        assertThat(found).allSatisfy(p -> {
            assertThat(p.packageDb()).isEqualTo("python:" + p.filepath());
            assertThat(p.filepath()).matches(".*(\\.dist-info/METADATA|\\.egg-info/PKG-INFO|\\.egg-info"
                    + "|\\.egg/EGG-INFO/PKG-INFO)");
            assertThat(p.purl()).isEqualTo("pkg:pypi/" + p.name() + "@" + p.version());
            assertThat(p.normalizedVersion()).isNull();
        });
        assertThat(found).extracting(Package::filepath).anyMatch(f -> f.endsWith(".egg-info"))
                .anyMatch(f -> f.endsWith(".egg/EGG-INFO/PKG-INFO")).anyMatch(f -> f.endsWith(".dist-info/METADATA"));
    }

    @Test
    void debiansDistPackagesOutsideADpkgLayerEqualImportlibMetadata() throws IOException {
        Path root = BookwormLanguageRoot.get();
        Set<String> expected = oracle(root).stream().filter(r -> r[2].startsWith("/usr/lib/python3/dist-packages/"))
                .map(r -> r[0] + " " + r[1]).collect(Collectors.toCollection(TreeSet::new));
        assertThat(expected).as("oracle").contains("requests 2.28.1").hasSizeGreaterThanOrEqualTo(8);
        // a layer that ships the same files without a dpkg database (as a COPY of the directory would)
        Path copy = RootfsFixtures.scratch("python-dist-packages");
        RootfsFixtures.run(List.of("mkdir", "-p", copy.resolve("usr/lib/python3").toString()));
        RootfsFixtures.run(List.of("cp", "-a", root.resolve("usr/lib/python3/dist-packages").toString(),
                copy.resolve("usr/lib/python3/").toString()));

        assertThat(rows(scanner.scan(RootfsFixtures.layer(copy)))).isEqualTo(expected);
    }

    @Test
    void aWheelInstalledByTheSystemPackageManagerIsLeftToIt() throws IOException {
        Path root = BookwormLanguageRoot.get();
        Path copy = RootfsFixtures.scratch("python-installer");
        String site = "opt/venv/lib/python3.11/site-packages";
        RootfsFixtures.run(List.of("mkdir", "-p", copy.resolve(site).toString()));
        RootfsFixtures.run(List.of("cp", "-a", root.resolve(site + "/pip-23.0.1.dist-info").toString(),
                root.resolve(site + "/wheel-0.38.4.dist-info").toString(), copy.resolve(site).toString()));
        List<Package> before = scanner.scan(RootfsFixtures.layer(copy));
        assertThat(rows(before)).containsExactly("pip 23.0.1", "wheel 0.38.4");

        RootfsFixtures.write(copy, site + "/pip-23.0.1.dist-info/INSTALLER", "rpm\n");

        assertThat(rows(scanner.scan(RootfsFixtures.layer(copy)))).containsExactly("wheel 0.38.4");
    }

    @ParameterizedTest
    @CsvSource({"requests,requests", "Demo_Pkg,demo-pkg", "Demo.Egg,demo-egg", "zope.interface,zope-interface",
        "Foo__Bar-.baz,foo-bar-baz", "PyYAML,pyyaml"})
    void namesAreNormalizedAsPep503Says(String written, String normalized) {
        assertThat(PythonMetadata.normalize(written)).isEqualTo(normalized);
    }
}
