package io.clair.core.version.dpkg;

import io.clair.core.version.Differential;
import io.clair.core.version.OracleProcess;
import io.clair.core.version.RealVersions;
import io.clair.core.version.VersionMutator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Differential test against dpkg's own Perl implementation ({@code Dpkg::Version}, libdpkg-perl): seeded mutations of
 * the versions in the Debian status fixtures, all answered by one {@code perl} process.
 */
class DpkgOracleTest {
    static final long SEED = 20261126L;
    static final int PAIRS = 12_000;

    private static final String SCRIPT = """
            use strict; use warnings;
            use Dpkg::Version;
            $| = 1;
            while (my $line = <STDIN>) {
                chomp $line;
                my ($a, $b) = split /\\t/, $line, 2;
                my $va = Dpkg::Version->new($a, check => 1);
                my $vb = Dpkg::Version->new($b, check => 1);
                if (!defined $va || !defined $vb) { print "invalid\\n"; next; }
                my $r = $va <=> $vb;
                print(($r < 0 ? "<" : $r > 0 ? ">" : "="), "\\n");
            }
            """;

    @Test
    void agreesWithDpkgVersionPm() {
        OracleProcess.require(Path.of("/usr/bin/perl"), "apt-get install perl libdpkg-perl");
        OracleProcess.requireWorks(List.of("/usr/bin/perl", "-MDpkg::Version", "-e", "1"), "apt-get install libdpkg-perl");
        VersionMutator mutator = new VersionMutator(SEED,
                List.of("~rc1", "~", "+b1", "+dfsg", "-1", "-0ubuntu1", "+deb12u1", ".1", "a", "~~", "-1~bpo1", ":1", "+"),
                List.of("1:", "0:", "2:", "10:"));
        List<String[]> pairs = mutator.pairs(RealVersions.dpkg(), PAIRS);
        List<String> input = new ArrayList<>();
        pairs.forEach(p -> input.add(p[0] + "\t" + p[1]));
        Path script = OracleProcess.script("dpkg-oracle.pl", SCRIPT);
        List<String> theirs = OracleProcess.run(List.of("/usr/bin/perl", script.toString()), input, 600);
        Differential d = new Differential("dpkg", SEED);
        for (int i = 0; i < pairs.size(); i++) {
            d.check(pairs.get(i)[0], pairs.get(i)[1], ours(pairs.get(i)[0], pairs.get(i)[1]), theirs.get(i));
        }
        d.assertAgreement(10_000);
    }

    private static String ours(String a, String b) {
        try {
            return Differential.op(DpkgVersion.parse(a).compareTo(DpkgVersion.parse(b)));
        } catch (IllegalArgumentException e) {
            return "invalid";
        }
    }
}
