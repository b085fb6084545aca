package io.clair.core.ecosystem.rust;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import io.clair.core.index.Package;
import io.clair.core.layer.TarLayer;
import io.clair.core.linux.StderrCapture;
import io.clair.core.osrelease.RootfsFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * The Rust scanners on real inputs (see {@link RustTree}): every Cargo.lock of Debian's rust-src against Python's
 * tomllib, and an executable carrying a {@code .dep-v0} section against the Cargo.lock it was made from.
 */
class RustScannersTest {

    private static Map<String, Set<String>> byFile(List<Package> pkgs) {
        return pkgs.stream().collect(Collectors.groupingBy(Package::filepath, TreeMap::new,
                Collectors.mapping(p -> p.name() + " " + p.version(), Collectors.toCollection(TreeSet::new))));
    }

    private static PackageURL purl(String s) {
        try {
            return new PackageURL(s);
        } catch (MalformedPackageURLException e) {
            throw new AssertionError(s, e);
        }
    }

    @Test
    void everyCargoLockOfRustSrcEqualsTomllib() throws IOException {
        Path root = RustTree.get();
        Map<String, Set<String>> expected = RustTree.tomllibCratesIo(root);
        assertThat(expected).as("lock files with crates.io packages").hasSizeGreaterThan(20);
        assertThat(expected.get(RustTree.RUSTFMT_LOCK)).hasSizeGreaterThan(50);

        List<Package> found = new CargoLockScanner().scan(RootfsFixtures.layer(root));

        assertThat(byFile(found)).isEqualTo(expected);
        assertThat(found).allSatisfy(p -> {
            assertThat(p.packageDb()).isEqualTo("cargo:" + p.filepath());
            PackageURL purl = purl(p.purl());
            assertThat(purl.getType() + " " + purl.getName() + " " + purl.getVersion())
                    .isEqualTo("cargo " + p.name() + " " + p.version());
        });
    }

    @Test
    void anAuditableBinaryReportsItsEmbeddedCratesIoDependencies() throws IOException {
        Path root = RustTree.get();
        Set<String> expected = RustTree.tomllibCratesIo(root).get(RustTree.RUSTFMT_LOCK);

        List<Package> found = new AuditableBinaryScanner().scan(RootfsFixtures.layer(root));

        assertThat(byFile(found)).containsExactly(Map.entry(RustTree.AUDITED, expected));
    }

    @Test
    void anAuditableBinaryInAFetchedTarLayerIsReadInPlace(@TempDir Path temp) throws IOException {
        Path tree = temp.resolve("tree");
        assertThat(RootfsFixtures.copy(RustTree.get().resolve(RustTree.AUDITED), tree, RustTree.AUDITED).toFile()
                .setExecutable(true)).isTrue();
        List<Package> fromDirectory = new AuditableBinaryScanner().scan(RootfsFixtures.layer(tree));
        try (TarLayer layer = RootfsFixtures.tarLayer(tree, temp)) {
            assertThat(new AuditableBinaryScanner().scan(layer)).containsExactlyElementsOf(fromDirectory);
            try (Stream<Path> all = Files.walk(temp.resolve("spool"))) { // read from the spool, never copied out
                assertThat(all.filter(p -> p.getFileName().toString().equals("files"))).isEmpty();
            }
        }
        assertThat(fromDirectory).isNotEmpty();
    }

    @Test
    void aCorruptDependencySectionIsSkippedWithAReason() throws IOException {
        Path root = RustTree.get();
        Path tree = RootfsFixtures.scratch("rust-corrupt");
        Path exe = RootfsFixtures.copy(root.resolve(RustTree.AUDITED), tree, "usr/bin/broken");
        RootfsFixtures.write(tree, "garbage.bin", "not zlib at all");
        RootfsFixtures.run(List.of(RootfsFixtures.tool("objcopy", "binutils"), "--update-section",
                ".dep-v0=" + tree.resolve("garbage.bin"), exe.toString()));
        Files.setPosixFilePermissions(exe, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        Path good = RootfsFixtures.copy(root.resolve(RustTree.AUDITED), tree, "usr/bin/good");
        Files.setPosixFilePermissions(good, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));

        try (StderrCapture err = StderrCapture.start()) {
            List<Package> found = new AuditableBinaryScanner().scan(RootfsFixtures.layer(tree));
            assertThat(found).extracting(Package::filepath).containsOnly("usr/bin/good").isNotEmpty();
            assertThat(err.text()).contains("path=usr/bin/broken").contains("is not zlib data");
        }
    }

    @Test
    void inflatingStopsAtTheCap() {
        byte[] bomb = new byte[1 << 20];
        java.util.zip.Deflater d = new java.util.zip.Deflater(9);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        d.setInput(new byte[0]);
        try (java.util.zip.DeflaterOutputStream z = new java.util.zip.DeflaterOutputStream(out, d)) {
            for (int i = 0; i < 40; i++) {
                z.write(bomb); // 40 MiB of zeros, past the 32 MiB cap
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AuditableBinaryScanner.inflate(out.toByteArray()))
                .hasMessageContaining("inflates past");
    }
}
