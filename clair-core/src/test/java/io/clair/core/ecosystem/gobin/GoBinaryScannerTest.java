package io.clair.core.ecosystem.gobin;

import static org.assertj.core.api.Assertions.assertThat;

import io.clair.core.index.Package;
import io.clair.core.layer.TarLayer;
import io.clair.core.linux.StderrCapture;
import io.clair.core.osrelease.RootfsFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gobin scanner on real Debian Go executables of both build-information formats (see {@link GoTree}), against
 * {@code go version -m}; and on executables damaged on purpose.
 */
class GoBinaryScannerTest {

    /**
     * What {@code go version -m} prints, as packages: {@code stdlib} at the toolchain version, the main module,
     * each dependency (its replacement when {@code =>} names a module version).
     */
    static Set<String> goVersionM(Path exe) {
        List<String> lines = RootfsFixtures.run(List.of(GoTree.goTool(), "version", "-m", exe.toString())).lines()
                .toList();
        Set<String> out = new TreeSet<>();
        out.add("stdlib " + lines.get(0).substring(lines.get(0).lastIndexOf(": ") + 2).trim());
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).strip().split("\t");
            boolean replaced = i + 1 < lines.size() && lines.get(i + 1).strip().startsWith("=>\t");
            String[] r = replaced ? lines.get(i + 1).strip().split("\t") : null;
            if (f[0].equals("mod") || f[0].equals("dep")) {
                if (replaced && r.length > 2 && !r[2].isEmpty()) {
                    out.add(r[1] + " " + r[2]);
                } else {
                    out.add(f[1] + " " + (f.length > 2 ? f[2] : ""));
                }
            }
        }
        return out;
    }

    @Test
    void debianGoBinariesEqualGoVersionM() throws IOException {
        Path root = GoTree.get();
        Map<String, Set<String>> expected = new TreeMap<>();
        for (String exe : List.of("usr/bin/skopeo", "usr/bin/umoci", "opt/bullseye/umoci")) {
            expected.put(exe, goVersionM(root.resolve(exe)));
        }
        assertThat(expected.get("opt/bullseye/umoci")).as("Go 1.15, pointer format").containsExactly("stdlib go1.15.9");
        assertThat(expected.get("usr/bin/skopeo")).as("Go 1.19, inline format").anyMatch(s -> s.startsWith("stdlib go1.1"));

        List<Package> found = new GoBinaryScanner().scan(RootfsFixtures.layer(root));

        Map<String, Set<String>> byFile = found.stream().collect(Collectors.groupingBy(Package::filepath, TreeMap::new,
                Collectors.mapping(p -> p.name() + " " + p.version(), Collectors.toCollection(TreeSet::new))));
        assertThat(byFile).isEqualTo(expected);
        assertThat(found).allSatisfy(p -> {
            assertThat(p.packageDb()).isEqualTo("go:" + p.filepath());
            assertThat(p.purl()).startsWith("pkg:golang/");
        });
    }

    @Test
    void aFetchedTarLayerIsReadInPlaceWithTheSameResult(@TempDir Path temp) throws IOException {
        Path root = GoTree.get();
        List<Package> fromDirectory = new GoBinaryScanner().scan(RootfsFixtures.layer(root));
        try (TarLayer layer = RootfsFixtures.tarLayer(root, temp)) {
            assertThat(new GoBinaryScanner().scan(layer)).containsExactlyElementsOf(fromDirectory);
            try (Stream<Path> all = Files.walk(temp)) { // executables are read from the spool, never copied out
                assertThat(all.filter(p -> p.getFileName().toString().equals("files"))).isEmpty();
            }
        }
        assertThat(fromDirectory).isNotEmpty();
    }

    @Test
    void moduleInformationWithReplacementsIsParsedAsGoPrintsIt() {
        // the text form runtime/debug writes, as `go version -m` shows it for a module build with replacements
        String modinfo = String.join("\n", "path\texample.com/app/cmd/app", "mod\texample.com/app\t(devel)\t",
                "dep\tgithub.com/pkg/errors\tv0.9.1\th1:abc=", "dep\tgolang.org/x/net\tv0.1.0\th1:def=",
                "=>\tgithub.com/fork/net\tv0.1.1-fix\th1:ghi=", "dep\texample.com/local\tv1.0.0\t",
                "=>\t../local\t\t", "build\t-compiler=gc", "build\tvcs.revision=0123456789abcdef", "");
        GoBuildInfo bi = GoBuildInfo.parse("go1.21.3", modinfo);

        assertThat(GoBinaryScanner.packages(bi, "usr/bin/app")).extracting(p -> p.name() + " " + p.version())
                .containsExactly("stdlib go1.21.3", "example.com/app (devel)", "github.com/pkg/errors v0.9.1",
                        "github.com/fork/net v0.1.1-fix", "example.com/local v1.0.0");
        assertThat(GoBinaryScanner.purl("github.com/containers/image/v5", "v5.24.2"))
                .isEqualTo("pkg:golang/github.com/containers/image/v5@v5.24.2");
    }

    @Test
    void truncatedAndCorruptExecutablesAreSkippedWithAReason() throws IOException {
        Path root = GoTree.get();
        Path tree = RootfsFixtures.scratch("gobin-hostile");
        byte[] skopeo = Files.readAllBytes(root.resolve("usr/bin/skopeo"));
        GoTree.executable(RootfsFixtures.copy(root.resolve("usr/bin/umoci"), tree, "usr/bin/umoci"));
        // cut after the program headers: the section table now lies past the end of the file
        Files.createDirectories(tree.resolve("usr/local/bin"));
        GoTree.executable(Files.write(tree.resolve("usr/local/bin/truncated"), Arrays.copyOf(skopeo, 4096)));
        // the version string's length turned into a varint that never ends
        byte[] corrupt = skopeo.clone();
        int at = indexOf(corrupt, GoBuildInfoReader.MAGIC);
        assertThat(at).as("build information in skopeo").isPositive();
        Arrays.fill(corrupt, at + 32, at + 48, (byte) 0xff);
        GoTree.executable(Files.write(tree.resolve("usr/local/bin/corrupt"), corrupt));

        try (StderrCapture err = StderrCapture.start()) {
            List<Package> found = new GoBinaryScanner().scan(RootfsFixtures.layer(tree));
            assertThat(found).extracting(Package::filepath).containsOnly("usr/bin/umoci").isNotEmpty();
            assertThat(err.text()).contains("path=usr/local/bin/truncated").contains("path=usr/local/bin/corrupt")
                    .contains("gobin: skipping unreadable executable").contains("reason=elf:")
                    .contains("reason=go: truncated length");
        }
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
