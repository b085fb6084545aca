package io.clair.core.testing;

import io.clair.core.version.OracleProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The ecosystems' own version comparison, batched: one process answers every pair with {@code <}, {@code =} or
 * {@code >}. Tests compute expected matches with these, never with our own comparison.
 */
public final class VersionOracles {
    private VersionOracles() {
    }

    /** dpkg's order, from Dpkg::Version (libdpkg-perl). */
    public static List<String> dpkg(List<String[]> pairs) {
        OracleProcess.requireWorks(List.of("/usr/bin/perl", "-MDpkg::Version", "-e", "1"),
                "apt-get install libdpkg-perl");
        Path script = OracleProcess.script("dpkg-compare.pl", """
                use strict; use warnings; use Dpkg::Version; $| = 1;
                while (my $l = <STDIN>) { chomp $l; my ($a, $b) = split /\\t/, $l, 2;
                  my $r = version_compare($a, $b); print(($r < 0 ? "<" : $r > 0 ? ">" : "="), "\\n"); }
                """);
        List<String> input = new ArrayList<>();
        pairs.forEach(p -> input.add(p[0] + "\t" + p[1]));
        return OracleProcess.run(List.of("/usr/bin/perl", script.toString()), input, 600);
    }

    /** apk-tools' order, from {@code apk version -t} in a chroot of the Alpine 3.20.3 minirootfs (needs root). */
    public static List<String> apk(List<String[]> pairs) throws IOException, InterruptedException {
        Path root = Rootfs.alpine("3.20.3");
        OracleProcess.requireWorks(List.of("chroot", root.toString(), "/sbin/apk", "--version"),
                "root privileges to chroot into " + root + " (the tests run as root in CI)");
        List<String> input = new ArrayList<>();
        pairs.forEach(p -> input.add(p[0] + " " + p[1]));
        Files.writeString(root.resolve("clair-pairs.txt"), String.join("\n", input) + "\n");
        Files.writeString(root.resolve("clair-pairs.sh"),
                "while read a b; do apk version -t \"$a\" \"$b\"; done < /clair-pairs.txt\n");
        List<String> out = OracleProcess.run(List.of("chroot", root.toString(), "/bin/sh", "/clair-pairs.sh"),
                List.of(), 1800);
        if (out.size() != pairs.size()) {
            throw new IllegalStateException("apk oracle gave " + out.size() + " answers for " + pairs.size() + " pairs");
        }
        return out;
    }
}
