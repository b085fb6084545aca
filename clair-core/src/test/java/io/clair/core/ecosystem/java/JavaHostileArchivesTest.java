package io.clair.core.ecosystem.java;

import static org.assertj.core.api.Assertions.assertThat;

import io.clair.core.index.Package;
import io.clair.core.linux.StderrCapture;
import io.clair.core.osrelease.RootfsFixtures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/**
 * Archives built to hurt: each is skipped (or cut short) with a logged reason, and a real jar beside it is still
 * reported, so one bad file never fails the scan.
 */
class JavaHostileArchivesTest {
    private static final String GOOD = "opt/app/lib/log4j-core-2.14.1.jar";

    private static Path treeWithGoodJar(String name) {
        Path tree = RootfsFixtures.scratch(name);
        RootfsFixtures.copy(JavaTree.archive("log4j-core-2.14.1.jar"), tree, GOOD);
        return tree;
    }

    private static byte[] pom(String group, String artifact, String version) {
        return ("groupId=" + group + "\nartifactId=" + artifact + "\nversion=" + version + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** A jar with its own pom.properties and the given extra members. */
    private static byte[] jar(String artifact, Object... members) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(b)) {
            z.putNextEntry(new ZipEntry("META-INF/maven/test/" + artifact + "/pom.properties"));
            z.write(pom("test", artifact, "1.0"));
            for (int i = 0; i < members.length; i += 2) {
                z.putNextEntry(new ZipEntry((String) members[i]));
                if (members[i + 1] instanceof byte[] data) {
                    z.write(data);
                } else {
                    zeros(z, (Long) members[i + 1]);
                }
            }
        }
        return b.toByteArray();
    }

    private static void zeros(OutputStream out, long n) throws IOException {
        byte[] block = new byte[1 << 20];
        for (long left = n; left > 0; left -= block.length) {
            out.write(block, 0, (int) Math.min(block.length, left));
        }
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        new java.util.Random(n).nextBytes(b);
        return b;
    }

    private static List<String> scan(Path tree, JarLimits limits) throws IOException {
        return new JavaArchiveScanner(limits).scan(RootfsFixtures.layer(tree)).stream()
                .map(p -> p.filepath() + " " + p.name()).toList();
    }

    @Test
    void aZipBombMemberIsSkippedAndTheRestReported() throws IOException {
        Path tree = treeWithGoodJar("java-bomb");
        // 100 MiB of zeros deflate to about 100 KiB: past the 64 MiB cap for a nested archive and 1 MiB for metadata
        byte[] bomb = jar("bomb", "WEB-INF/lib/inner.jar", 100L << 20,
                "META-INF/maven/test/huge/pom.properties", 10L << 20);
        assertThat(bomb.length).isLessThan(1 << 20);
        Files.write(tree.resolve("opt/app/lib/bomb.jar"), bomb);

        try (StderrCapture err = StderrCapture.start()) {
            List<String> found = scan(tree, JarLimits.DEFAULT);
            assertThat(found).contains(GOOD + " org.apache.logging.log4j:log4j-core", "opt/app/lib/bomb.jar test:bomb")
                    .noneMatch(s -> s.contains("huge"));
            assertThat(err.text()).contains("member=opt/app/lib/bomb.jar!/WEB-INF/lib/inner.jar")
                    .contains("member=opt/app/lib/bomb.jar!/META-INF/maven/test/huge/pom.properties")
                    .contains("inflates past " + (64 << 20) + " bytes").contains("java: skipping archive member");
        }
    }

    @Test
    void anArchiveOverItsTotalBudgetIsSkipped() throws IOException {
        Path tree = treeWithGoodJar("java-budget");
        // nested jars of 3 MiB each (random bytes do not compress): under the 8 MiB member cap, over 4 MiB together
        Files.write(tree.resolve("opt/app/lib/big.jar"), jar("big", "a.jar", jar("a", "x", random(3 << 20)),
                "b.jar", jar("b", "x", random(3 << 20))));
        JarLimits small = new JarLimits(3, 8 << 20, 1 << 20, 4L << 20, 100_000);

        try (StderrCapture err = StderrCapture.start()) {
            List<String> found = scan(tree, small);
            assertThat(found).noneMatch(s -> s.startsWith("opt/app/lib/big.jar"))
                    .contains(GOOD + " org.apache.logging.log4j:log4j-core");
            assertThat(err.text()).contains("path=opt/app/lib/big.jar").contains("more than 4194304 inflated bytes");
        }
    }

    @Test
    void nestingDeeperThanTheCapIsSkipped() throws IOException {
        Path tree = treeWithGoodJar("java-deep");
        byte[] inner = jar("level10");
        for (int level = 9; level >= 0; level--) {
            inner = jar("level" + level, "lib/level" + (level + 1) + ".jar", inner);
        }
        Files.write(tree.resolve("opt/app/lib/deep.jar"), inner);

        try (StderrCapture err = StderrCapture.start()) {
            List<String> found = scan(tree, JarLimits.DEFAULT);
            assertThat(found).filteredOn(s -> s.startsWith("opt/app/lib/deep.jar")).containsExactlyInAnyOrder(
                    "opt/app/lib/deep.jar test:level0", "opt/app/lib/deep.jar test:level1",
                    "opt/app/lib/deep.jar test:level2", "opt/app/lib/deep.jar test:level3");
            assertThat(found).contains(GOOD + " org.apache.logging.log4j:log4j-core");
            assertThat(err.text()).contains("lib/level3.jar!/lib/level4.jar").contains("nested deeper than 3 archives");
        }
    }

    @Test
    void corruptAndTruncatedArchivesAreSkipped() throws IOException {
        Path tree = treeWithGoodJar("java-corrupt");
        byte[] real = Files.readAllBytes(tree.resolve(GOOD));
        Files.write(tree.resolve("opt/app/lib/truncated.jar"), Arrays.copyOf(real, real.length / 2));
        byte[] garbage = new byte[4096];
        new java.util.Random(42).nextBytes(garbage);
        garbage[0] = 'P';
        garbage[1] = 'K';
        garbage[2] = 3;
        garbage[3] = 4;
        Files.write(tree.resolve("opt/app/lib/garbage.jar"), garbage);
        // a war whose nested jar is cut in half: the war is still reported
        Files.createDirectories(tree.resolve("opt/app/webapps"));
        Files.write(tree.resolve("opt/app/webapps/app.war"), jar("app", "WEB-INF/lib/half.jar",
                Arrays.copyOf(real, real.length / 2)));

        try (StderrCapture err = StderrCapture.start()) {
            List<Package> found = new JavaArchiveScanner().scan(RootfsFixtures.layer(tree));
            assertThat(found).extracting(Package::filepath).containsOnly(GOOD, "opt/app/webapps/app.war");
            assertThat(found).extracting(Package::name).contains("test:app", "org.apache.logging.log4j:log4j-core");
            assertThat(err.text()).contains("path=opt/app/lib/truncated.jar").contains("path=opt/app/lib/garbage.jar")
                    .contains("java: skipping archive");
        }
    }
}
