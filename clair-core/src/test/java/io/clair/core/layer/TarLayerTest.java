package io.clair.core.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clair.core.manifest.LayerDescriptor;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Reading a fetched layer: content against GNU tar's extraction, link resolution, local files, whiteouts. */
@Timeout(120)
class TarLayerTest {
    static final Path ALPINE = LayerFetcherHttpTest.ALPINE;

    @TempDir
    Path temp;
    @TempDir
    Path scratch;

    @Test
    void everyFileReadsAsTarExtractsItEvenConcurrently() throws Exception {
        Path tree = scratch.resolve("tree");
        Files.createDirectories(tree);
        Process p = new ProcessBuilder("tar", "-xzf", ALPINE.toString(), "-C", tree.toString())
                .redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertThat(p.waitFor()).isZero();
        try (TarLayer layer = fetch(ALPINE)) {
            List<LayerEntry> files = layer.entries().filter(LayerEntry::isFile).toList();
            assertThat(files).hasSizeGreaterThan(50);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int round = 0; round < 4; round++) {
                    for (LayerEntry e : files) {
                        done.add(pool.submit(() -> {
                            assertThat(LayerFetcherHttpTest.readAll(layer, e.path())).as(e.path())
                                    .isEqualTo(Files.readAllBytes(tree.resolve(e.path())));
                            return null;
                        }));
                    }
                }
                for (Future<?> f : done) {
                    f.get();
                }
            } finally {
                pool.shutdown();
            }
        }
    }

    @Test
    void resolvesTheMinirootfsLinks() throws IOException {
        try (TarLayer layer = fetch(ALPINE)) {
            assertThat(layer.entry("bin/sh")).get().satisfies(e -> {
                assertThat(e.type()).isEqualTo(LayerEntry.Type.SYMLINK);
                assertThat(e.linkTarget()).isEqualTo("/bin/busybox");
            });
            byte[] busybox = TarOracle.extract(ALPINE, "./bin/busybox");
            assertThat(LayerFetcherHttpTest.readAll(layer, "bin/sh")).isEqualTo(busybox);
            assertThat(LayerFetcherHttpTest.readAll(layer, "/usr/bin/sha256sum")).isEqualTo(busybox);
            // relative targets: libz.so.1 -> libz.so.1.3.1, keys/x86/*.pub -> ../*.pub
            assertThat(LayerFetcherHttpTest.readAll(layer, "lib/libz.so.1"))
                    .isEqualTo(TarOracle.extract(ALPINE, "./lib/libz.so.1.3.1"));
            String key = "alpine-devel@lists.alpinelinux.org-5243ef4b.rsa.pub";
            assertThat(LayerFetcherHttpTest.readAll(layer, "usr/share/apk/keys/x86/" + key))
                    .isEqualTo(TarOracle.extract(ALPINE, "./usr/share/apk/keys/" + key));
            assertThat(layer.exists("bin/sh")).isTrue();
            assertThat(layer.exists("etc")).isTrue();
            assertThat(layer.exists("etc/nope")).isFalse();
            assertThatThrownBy(() -> layer.open("etc")).isInstanceOf(NoSuchFileException.class)
                    .hasMessageContaining("not a regular file");
            assertThatThrownBy(() -> layer.open("etc/nope")).isInstanceOf(NoSuchFileException.class)
                    .hasMessageContaining("no such entry etc/nope");
        }
    }

    @Test
    void localFileIsExtractedOncePerFileAndDeletedOnClose() throws IOException {
        Path installed;
        try (TarLayer layer = fetch(ALPINE)) {
            installed = layer.localFile("lib/apk/db/installed");
            assertThat(installed).startsWith(temp);
            assertThat(Files.readAllBytes(installed)).isEqualTo(TarOracle.extract(ALPINE, "./lib/apk/db/installed"));
            assertThat(layer.localFile("/lib/apk/db/installed")).isEqualTo(installed);
            // two names of one file share one copy
            assertThat(layer.localFile("bin/sh")).isEqualTo(layer.localFile("bin/busybox"));
        }
        assertThat(installed).doesNotExist();
        assertThat(temp).isEmptyDirectory();
    }

    @Test
    void openChannelReadsTheFileInPlaceWithoutCopying() throws IOException {
        byte[] busybox = TarOracle.extract(ALPINE, "./bin/busybox");
        try (TarLayer layer = fetch(ALPINE)) {
            try (java.nio.channels.SeekableByteChannel ch = layer.openChannel("bin/sh")) { // a link to busybox
                assertThat(ch.size()).isEqualTo(busybox.length);
                java.nio.ByteBuffer all = java.nio.ByteBuffer.allocate(busybox.length + 100);
                while (ch.read(all) >= 0) {
                    assertThat(ch.position()).isLessThanOrEqualTo(busybox.length);
                }
                assertThat(all.position()).isEqualTo(busybox.length);
                assertThat(java.util.Arrays.copyOf(all.array(), busybox.length)).isEqualTo(busybox);

                java.nio.ByteBuffer mid = java.nio.ByteBuffer.allocate(16);
                assertThat(ch.position(1000).read(mid)).isEqualTo(16);
                assertThat(mid.array()).isEqualTo(java.util.Arrays.copyOfRange(busybox, 1000, 1016));
                java.nio.ByteBuffer tail = java.nio.ByteBuffer.allocate(64);
                assertThat(ch.position(busybox.length - 10).read(tail)).isEqualTo(10); // stops at the file's end
                assertThat(ch.position(busybox.length + 5).read(tail)).isEqualTo(-1);
                assertThatThrownBy(() -> ch.write(java.nio.ByteBuffer.allocate(1)))
                        .isInstanceOf(java.nio.channels.NonWritableChannelException.class);
            }
            try (java.util.stream.Stream<Path> all = Files.walk(temp)) { // nothing was extracted
                assertThat(all.filter(p -> p.getFileName().toString().equals("files"))).isEmpty();
            }
            assertThatThrownBy(() -> layer.openChannel("etc")).isInstanceOf(NoSuchFileException.class);
            assertThatThrownBy(() -> layer.openChannel("no/such")).isInstanceOf(NoSuchFileException.class);
            java.nio.channels.SeekableByteChannel open = layer.openChannel("bin/busybox");
            open.close();
            assertThatThrownBy(() -> open.position(0)).isInstanceOf(java.nio.channels.ClosedChannelException.class);
        }
    }

    @Test
    void concurrentLocalFileCallsShareOneCopy() throws Exception {
        try (TarLayer layer = fetch(ALPINE)) {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<Path>> paths = new ArrayList<>();
                for (int i = 0; i < 16; i++) {
                    String name = i % 2 == 0 ? "bin/sh" : "bin/busybox";
                    paths.add(pool.submit(() -> layer.localFile(name)));
                }
                Path first = paths.get(0).get();
                for (Future<Path> f : paths) {
                    assertThat(f.get()).isEqualTo(first);
                }
                assertThat(Files.readAllBytes(first)).isEqualTo(TarOracle.extract(ALPINE, "./bin/busybox"));
            } finally {
                pool.shutdown();
            }
        }
    }

    @Test
    void archiveWithoutEndMarkerIsAcceptedWhenNoEntryIsCut() throws IOException {
        byte[] tar = TestArchives.tar(TestArchives.file("etc/a", "a"), TestArchives.file("etc/b", "b"));
        int end = tar.length;
        while (end >= 512 && java.util.Arrays.equals(tar, end - 512, end, new byte[512], 0, 512)) {
            end -= 512; // drop the end-of-archive zero blocks and the padding after them
        }
        assertThat(end).isLessThan(tar.length);
        byte[] unterminated = java.util.Arrays.copyOf(tar, end);
        try (TarLayer layer = fetchBytes(TestArchives.gzip(unterminated))) {
            assertThat(layer.entries().map(LayerEntry::path)).containsExactly("etc/a", "etc/b");
            assertThat(LayerFetcherHttpTest.readAll(layer, "etc/b")).asString().isEqualTo("b");
        }
    }

    @Test
    void followsLinkedParentDirectoriesAndHardLinks() throws IOException {
        byte[] tar = TestArchives.tar(
                TestArchives.dir("usr/bin"),
                TestArchives.file("usr/bin/tool", "tool v1"),
                TestArchives.symlink("bin", "usr/bin"),
                TestArchives.hardlink("usr/bin/tool-alias", "usr/bin/tool"),
                TestArchives.symlink("usr/lib/os-release", "../../etc/os-release"),
                TestArchives.file("etc/os-release", "ID=test\n"),
                TestArchives.file("etc/passwd", "root:x:0:0::/root:/bin/sh\n"),
                TestArchives.symlink("usr/lib/deep", "../../../../../../etc/passwd"));
        try (TarLayer layer = fetchBytes(TestArchives.gzip(tar))) {
            assertThat(LayerFetcherHttpTest.readAll(layer, "bin/tool")).asString().isEqualTo("tool v1");
            assertThat(layer.entry("bin/tool")).get().extracting(LayerEntry::path).isEqualTo("usr/bin/tool");
            assertThat(layer.entry("usr/bin/tool-alias")).get().extracting(LayerEntry::type)
                    .isEqualTo(LayerEntry.Type.HARDLINK);
            assertThat(LayerFetcherHttpTest.readAll(layer, "bin/tool-alias")).asString().isEqualTo("tool v1");
            assertThat(LayerFetcherHttpTest.readAll(layer, "usr/lib/os-release")).asString().isEqualTo("ID=test\n");
            // ".." stops at the layer root, as in a chroot: this is the layer's passwd, not the host's
            assertThat(LayerFetcherHttpTest.readAll(layer, "usr/lib/deep")).asString()
                    .isEqualTo("root:x:0:0::/root:/bin/sh\n");
            assertThat(layer.exists("usr")).as("directory implied by its children").isTrue();
        }
    }

    @Test
    void duplicatePathsKeepTheLastEntry() throws IOException {
        byte[] tar = TestArchives.tar(
                TestArchives.file("etc/motd", "first"),
                TestArchives.file("etc/issue", "issue"),
                TestArchives.file("etc/motd", "second, longer"));
        try (TarLayer layer = fetchBytes(tar)) {
            assertThat(layer.entries().map(LayerEntry::path)).containsExactly("etc/issue", "etc/motd");
            assertThat(layer.entry("etc/motd")).get().extracting(LayerEntry::size).isEqualTo(14L);
            assertThat(LayerFetcherHttpTest.readAll(layer, "etc/motd")).asString().isEqualTo("second, longer");
        }
    }

    @Test
    void readsLongNamesWrittenAsPaxAndAsGnu() throws IOException {
        String dir = "usr/lib/python3.12/site-packages/" + "a-very-long-package-name-".repeat(6);
        String name = dir + "/METADATA";
        String target = "../../../" + "x".repeat(150);
        for (int mode : new int[] {TarArchiveOutputStream.LONGFILE_POSIX, TarArchiveOutputStream.LONGFILE_GNU}) {
            byte[] tar = TestArchives.tar(mode, TestArchives.file(name, "Name: pkg\n"),
                    TestArchives.symlink(dir + "/link", target));
            try (TarLayer layer = fetchBytes(TestArchives.zstd(tar))) {
                assertThat(LayerFetcherHttpTest.readAll(layer, name)).asString().isEqualTo("Name: pkg\n");
                assertThat(layer.entry(dir + "/link")).get().extracting(LayerEntry::linkTarget).isEqualTo(target);
            }
        }
    }

    @Test
    void whiteoutMarkersBecomeWhiteouts() throws IOException {
        byte[] tar = TestArchives.tar(
                TestArchives.file(".wh.foo", ""),
                TestArchives.dir("etc"),
                TestArchives.file("etc/.wh.motd", ""),
                TestArchives.dir("var/cache/apk"),
                TestArchives.file("var/cache/apk/.wh..wh..opq", ""),
                TestArchives.file("var/cache/apk/APKINDEX.tar.gz", "index"),
                TestArchives.dir(".wh..wh.plnk"),
                TestArchives.file(".wh..wh.plnk/12345", "aufs hard link store"));
        try (TarLayer layer = fetchBytes(TestArchives.gzip(tar))) {
            assertThat(layer.whiteouts()).containsExactly(
                    new Whiteout("foo", false),
                    new Whiteout("etc/motd", false),
                    new Whiteout("var/cache/apk", true));
            assertThat(layer.entries().map(LayerEntry::path))
                    .containsExactly("etc", "var/cache/apk", "var/cache/apk/APKINDEX.tar.gz");
            assertThat(layer.exists("etc/.wh.motd")).isFalse();
            assertThat(layer.whiteouts().get(2).hides("var/cache/apk/old")).isTrue();
        }
    }

    @Test
    void readsAfterCloseFail() throws IOException {
        TarLayer layer = fetch(ALPINE);
        layer.close();
        assertThatThrownBy(() -> layer.open("lib/apk/db/installed")).hasMessageContaining("closed");
        layer.close(); // idempotent
        assertThat(temp).isEmptyDirectory();
    }

    private TarLayer fetch(Path blob) throws IOException {
        return fetcher().fetch(new LayerDescriptor(TestArchives.sha256(blob), blob.toUri()));
    }

    private TarLayer fetchBytes(byte[] blob) throws IOException {
        Path f = Files.write(Files.createTempFile(scratch, "blob", ""), blob);
        return fetch(f);
    }

    private LayerFetcher fetcher() {
        return new LayerFetcher(HttpClient.newBuilder().build(), LayerOptions.defaults(temp));
    }
}
