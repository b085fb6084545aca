package io.clair.core.version.pep440;

import io.clair.core.version.Differential;
import io.clair.core.version.OracleProcess;
import io.clair.core.version.OsvVersions;
import io.clair.core.version.VersionMutator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Differential test against pypa/packaging ({@code packaging.version.Version}, Debian's python3-packaging): seeded
 * mutations of the versions in the PyPI OSV records, answered by one Debian {@code /usr/bin/python3} process.
 */
class Pep440OracleTest {
    static final long SEED = 20261129L;
    static final int PAIRS = 12_000;

    private static final String SCRIPT = """
            import sys
            from packaging.version import Version, InvalidVersion
            for line in sys.stdin:
                a, b = line.rstrip("\\n").split("\\t", 1)
                try:
                    va, vb = Version(a), Version(b)
                except InvalidVersion:
                    print("invalid")
                    continue
                print("<" if va < vb else ">" if va > vb else "=")
            """;

    @Test
    void agreesWithPackagingVersion() {
        OracleProcess.require(Path.of("/usr/bin/python3"), "apt-get install python3 python3-packaging");
        OracleProcess.requireWorks(List.of("/usr/bin/python3", "-c", "import packaging.version"),
                "apt-get install python3-packaging");
        VersionMutator mutator = new VersionMutator(SEED,
                List.of("a1", "b2", "rc1", "c1", ".post1", "-1", ".dev0", ".dev3", "+local", "+ubuntu.1", "alpha",
                        "-beta.2", "_pre1", ".post", "rev1", "r", "dev", ".0", ".*", "+", "x"),
                List.of("1!", "0!", "v", "V", " "));
        List<String[]> pairs = mutator.pairs(OsvVersions.pypi(), PAIRS);
        List<String> input = new ArrayList<>();
        pairs.forEach(p -> input.add(p[0] + "\t" + p[1]));
        Path script = OracleProcess.script("pep440-oracle.py", SCRIPT);
        List<String> theirs = OracleProcess.run(List.of("/usr/bin/python3", script.toString()), input, 600);
        Differential d = new Differential("pep440", SEED);
        for (int i = 0; i < pairs.size(); i++) {
            String[] p = pairs.get(i);
            d.check(p[0], p[1], ours(p[0], p[1]), theirs.get(i));
        }
        d.assertAgreement(10_000);
    }

    private static String ours(String a, String b) {
        try {
            return Differential.op(Pep440Version.parse(a).compareTo(Pep440Version.parse(b)));
        } catch (IllegalArgumentException e) {
            return "invalid";
        }
    }
}
