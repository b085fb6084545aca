package io.clair.core.version.rpm;

import io.clair.core.version.Differential;
import io.clair.core.version.OracleProcess;
import io.clair.core.version.RealVersions;
import io.clair.core.version.VersionMutator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Differential test against rpm itself (python3-rpm, {@code rpm.labelCompare}): seeded mutations of the EVRs in the
 * rpm fixtures, answered by one Debian {@code /usr/bin/python3} process. rpm parses each EVR with {@code rpm.ver}
 * (its own {@code parseEVR}) and compares with {@code labelCompare}.
 *
 * <p>rpm accepts strings this scheme rejects (a second hyphen, a non-numeric "epoch", an empty release); for those
 * pairs there is no rpm answer to disagree with, so they are counted apart and the agreement is required on the rest.
 */
class RpmOracleTest {
    static final long SEED = 20261127L;
    static final int PAIRS = 13_000;

    private static final String SCRIPT = """
            import sys, rpm
            for line in sys.stdin:
                a, b = line.rstrip("\\n").split("\\t", 1)
                va, vb = rpm.ver(a), rpm.ver(b)
                r = rpm.labelCompare((va.e, va.v, va.r), (vb.e, vb.v, vb.r))
                print("<" if r < 0 else ">" if r > 0 else "=", flush=False)
            """;

    @Test
    void agreesWithRpmLabelCompare() {
        // the python3 first on PATH is another build without the rpm module: always Debian's
        OracleProcess.require(Path.of("/usr/bin/python3"), "apt-get install python3 python3-rpm");
        OracleProcess.requireWorks(List.of("/usr/bin/python3", "-c", "import rpm"), "apt-get install python3-rpm");
        VersionMutator mutator = new VersionMutator(SEED,
                List.of("~rc1", "^git1", "^", "~", ".el8", ".el8_8.1", "_1", "a", ".fc39", "-1", "-2.1", "+b", ".1"),
                List.of("1:", "0:", "2:", ":"));
        List<String[]> all = mutator.pairs(RealVersions.rpm(), PAIRS);
        List<String[]> pairs = new ArrayList<>();
        int rejected = 0;
        for (String[] p : all) {
            if (valid(p[0]) && valid(p[1])) {
                pairs.add(p);
            } else {
                rejected++;
            }
        }
        System.out.println("rpm differential: " + rejected + " generated pairs rejected by our stricter EVR parse");
        List<String> input = new ArrayList<>();
        pairs.forEach(p -> input.add(p[0] + "\t" + p[1]));
        Path script = OracleProcess.script("rpm-oracle.py", SCRIPT);
        List<String> theirs = OracleProcess.run(List.of("/usr/bin/python3", script.toString()), input, 600);
        Differential d = new Differential("rpm", SEED);
        for (int i = 0; i < pairs.size(); i++) {
            String[] p = pairs.get(i);
            d.check(p[0], p[1], Differential.op(RpmVersion.parse(p[0]).compareTo(RpmVersion.parse(p[1]))), theirs.get(i));
        }
        d.assertAgreement(10_000);
    }

    private static boolean valid(String s) {
        try {
            RpmVersion.parse(s);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
