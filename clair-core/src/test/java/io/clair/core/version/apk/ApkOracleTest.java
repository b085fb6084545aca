package io.clair.core.version.apk;

import static org.assertj.core.api.Assertions.assertThat;

import io.clair.core.testing.TestData;
import io.clair.core.version.Differential;
import io.clair.core.version.OracleProcess;
import io.clair.core.version.RealVersions;
import io.clair.core.version.VectorFile;
import io.clair.core.version.VersionMutator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Differential test against apk-tools 2.14.4 itself: the Alpine 3.20.3 minirootfs is unpacked under
 * {@code target/apk-root} and one {@code chroot DIR /bin/sh} loops {@code apk version -t A B} over all pairs, then
 * {@code apk version -c} checks validity. Pairs are seeded mutations of the installed and secdb versions. Needs root.
 */
class ApkOracleTest {
    static final long SEED = 20261128L;
    static final int PAIRS = 10_500;

    @Test
    void agreesWithApkVersion() throws Exception {
        Path root = unpackMinirootfs();
        VersionMutator mutator = new VersionMutator(SEED,
                List.of("_alpha1", "_beta", "_pre2", "_rc1", "_p1", "_git20240101", "_cvs", "_svn", "_hg1", "-r0",
                        "-r1", "-r10", "a", ".0", "_foo", "~1", "-x"),
                List.of());
        List<String[]> pairs = mutator.pairs(RealVersions.apk(), PAIRS);
        List<String> input = new ArrayList<>();
        pairs.forEach(p -> input.add(p[0] + " " + p[1]));
        Files.writeString(root.resolve("pairs.txt"), String.join("\n", input) + "\n");
        Files.writeString(root.resolve("pairs.sh"),
                "while read a b; do apk version -t \"$a\" \"$b\"; done < /pairs.txt\n");
        List<String> theirs = OracleProcess.run(List.of("chroot", root.toString(), "/bin/sh", "/pairs.sh"), List.of(),
                1800);
        assertThat(theirs).as("one apk answer per pair").hasSize(pairs.size());

        Differential d = new Differential("apk", SEED);
        for (int i = 0; i < pairs.size(); i++) {
            String[] p = pairs.get(i);
            d.check(p[0], p[1], Differential.op(ApkVersion.compareStrings(p[0], p[1])), theirs.get(i));
        }
        d.assertAgreement(10_000);

        // validity: every generated version, and the v3 file's validity lines, through apk version -c
        Set<String> versions = new LinkedHashSet<>();
        pairs.forEach(p -> {
            versions.add(p[0]);
            versions.add(p[1]);
        });
        VectorFile.lines("versions/apk/test/unit/version.data").stream()
                .map(l -> l.text().strip()).filter(t -> !t.contains(" "))
                .map(t -> t.startsWith("!") ? t.substring(1) : t).filter(t -> !t.isEmpty()).forEach(versions::add);
        Files.writeString(root.resolve("versions.txt"), String.join("\n", versions) + "\n");
        // apk version -c exits with the number of invalid versions, and xargs stops at an exit status of 255:
        // so each batch runs under sh and the status is dropped; "--" because some versions start with "-"
        Files.writeString(root.resolve("valid.sh"),
                "xargs -n 100 sh -c 'apk version -c -- \"$@\"; true' sh < /versions.txt\n");
        Set<String> invalid = new LinkedHashSet<>(OracleProcess.run(
                List.of("chroot", root.toString(), "/bin/sh", "/valid.sh"), List.of(), 600));
        Differential v = new Differential("apk validity", SEED);
        for (String s : versions) {
            v.check(s, "(apk version -c)", ApkVersion.isValid(s) ? "valid" : "invalid",
                    invalid.contains(s) ? "invalid" : "valid");
        }
        v.assertAgreement(versions.size());
    }

    private static Path unpackMinirootfs() throws IOException, InterruptedException {
        OracleProcess.require(Path.of("/usr/sbin/chroot"), "apt-get install coreutils (chroot), and run as root");
        Path tarball = TestData.path("alpine/alpine-minirootfs-3.20.3-x86_64.tar.gz");
        Path root = Path.of("target", "apk-root").toAbsolutePath();
        if (!Files.isExecutable(root.resolve("sbin/apk"))) {
            Files.createDirectories(root);
            Process p = new ProcessBuilder("tar", "-xzf", tarball.toString(), "-C", root.toString())
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            assertThat(p.waitFor(300, TimeUnit.SECONDS) && p.exitValue() == 0).as("tar: " + out).isTrue();
        }
        OracleProcess.requireWorks(List.of("chroot", root.toString(), "/sbin/apk", "--version"),
                "root privileges to chroot into " + root + " (the tests run as root in CI)");
        return root;
    }
}
