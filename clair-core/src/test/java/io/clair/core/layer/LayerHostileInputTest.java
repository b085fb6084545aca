package io.clair.core.layer;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clair.core.manifest.Digest;
import io.clair.core.manifest.LayerDescriptor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Broken and hostile layers: each is refused (or, for links, treated as absent) with a message that names the layer
 * and the problem, and nothing is left in the temporary area afterwards.
 */
@Timeout(120)
class LayerHostileInputTest {
    static final HttpClient CLIENT = HttpClient.newBuilder().build();
    static byte[] alpineGz;

    @TempDir
    Path temp;
    @TempDir
    Path scratch;
    LayerFetcher fetcher;

    @BeforeAll
    static void setUp() throws IOException {
        alpineGz = Files.readAllBytes(LayerFetcherHttpTest.ALPINE);
    }

    @AfterEach
    void nothingLeftBehind() throws IOException {
        assertThat(temp).isEmptyDirectory();
        if (fetcher != null) {
            assertThat(fetcher.tempBytesInUse()).isZero();
        }
    }

    @Test
    void truncatedGzip() {
        byte[] cut = Arrays.copyOf(alpineGz, alpineGz.length / 2);
        assertRejected(cut, LayerOptions.defaults(temp)).hasMessageContaining("truncated or corrupt gzip stream");
    }

    @Test
    void truncatedZstd() throws IOException {
        byte[] zst = TestArchives.zstd(TestArchives.gunzip(LayerFetcherHttpTest.ALPINE));
        byte[] cut = Arrays.copyOf(zst, zst.length / 2);
        assertRejected(cut, LayerOptions.defaults(temp)).hasMessageContaining("truncated or corrupt zstd stream");
    }

    @Test
    void corruptedGzipChecksum() {
        byte[] bad = alpineGz.clone();
        bad[bad.length - 6] ^= (byte) 0x5a; // inside the CRC32 of the gzip trailer
        assertRejected(bad, LayerOptions.defaults(temp))
                .hasMessageContaining("truncated or corrupt gzip stream after 8089600 decompressed bytes");
    }

    @Test
    void corruptedGzipBytes() {
        byte[] bad = alpineGz.clone();
        for (int i = bad.length / 3; i < bad.length / 3 + 64; i++) {
            bad[i] ^= (byte) 0x5a;
        }
        // inflate may notice (bad code lengths) or produce garbage that the tar header checksums notice first
        assertRejected(bad, LayerOptions.defaults(temp))
                .hasMessageMatching(".*: (truncated or corrupt gzip stream|corrupt tar: bad header checksum).*");
    }

    @Test
    void dotDotEntryEscapingTheRoot() {
        byte[] tar = TestArchives.tar(TestArchives.file("etc/ok", "ok"), TestArchives.file("../../etc/passwd", "x"));
        assertRejected(TestArchives.gzip(tar), LayerOptions.defaults(temp))
                .hasMessageContaining("hostile tar: entry \"../../etc/passwd\" escapes the layer root");
    }

    @Test
    void hardLinkTargetEscapingTheRoot() {
        byte[] tar = TestArchives.tar(TestArchives.hardlink("etc/shadow", "../../../etc/shadow"));
        assertRejected(tar, LayerOptions.defaults(temp)).hasMessageContaining("escapes the layer root");
    }

    @Test
    void absolutePathsAreMadeRelative() throws IOException {
        byte[] tar = TestArchives.tar(TestArchives.file("/etc/hosts", "127.0.0.1 localhost\n"));
        try (TarLayer layer = fetch(tar, LayerOptions.defaults(temp))) {
            assertThat(layer.entries().map(LayerEntry::path)).containsExactly("etc/hosts");
        }
    }

    @Test
    void symlinkEscapesAreAbsentNotFollowedOutside() throws IOException {
        byte[] tar = TestArchives.tar(
                TestArchives.symlink("evil", "/etc/passwd"),
                TestArchives.symlink("usr/evil", "../../../../../../etc/passwd"),
                TestArchives.symlink("proc-self", "/proc/self/environ"));
        try (TarLayer layer = fetch(tar, LayerOptions.defaults(temp))) {
            for (String p : new String[] {"evil", "usr/evil", "proc-self"}) {
                assertThat(layer.exists(p)).as(p).isFalse();
                assertThatThrownBy(() -> layer.open(p)).as(p).isInstanceOf(NoSuchFileException.class)
                        .hasMessageContaining("no such entry");
                assertThat(layer.entry(p)).as(p).get().extracting(LayerEntry::type)
                        .isEqualTo(LayerEntry.Type.SYMLINK);
            }
        }
    }

    @Test
    void symlinkLoopsAreAbsent() throws IOException {
        byte[] tar = TestArchives.tar(
                TestArchives.symlink("a", "b"),
                TestArchives.symlink("b", "a"),
                TestArchives.symlink("self", "./self"),
                TestArchives.symlink("deep", "deep/deeper"));
        try (TarLayer layer = fetch(tar, LayerOptions.defaults(temp))) {
            for (String p : new String[] {"a", "b", "self", "a/x", "deep"}) {
                assertThat(layer.exists(p)).as(p).isFalse();
                assertThatThrownBy(() -> layer.open(p)).as(p).isInstanceOf(NoSuchFileException.class)
                        .hasMessageContaining("too many levels of links");
            }
        }
    }

    @Test
    void hardLinkToMissingTarget() throws IOException {
        byte[] tar = TestArchives.tar(TestArchives.hardlink("usr/bin/perl5", "usr/bin/perl"));
        try (TarLayer layer = fetch(tar, LayerOptions.defaults(temp))) {
            assertThat(layer.exists("usr/bin/perl5")).isFalse();
            assertThatThrownBy(() -> layer.localFile("usr/bin/perl5")).isInstanceOf(NoSuchFileException.class)
                    .hasMessageContaining("hard link usr/bin/perl5 points to usr/bin/perl, which is not in the layer");
        }
    }

    @Test
    void decompressionBomb() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream out = new TarArchiveOutputStream(new GZIPOutputStream(bytes))) {
            TarArchiveEntry e = new TarArchiveEntry("zeros");
            e.setSize(64L << 20);
            out.putArchiveEntry(e);
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 64; i++) {
                out.write(zeros);
            }
            out.closeArchiveEntry();
        }
        byte[] bomb = bytes.toByteArray();
        assertThat(bomb.length).isLessThan(200_000);
        assertRejected(bomb, LayerOptions.defaults(temp).withMaxDecompressedBytes(4L << 20))
                .hasMessageContaining("decompressed size passes the limit of 4194304 bytes (maxDecompressedBytes)");
    }

    @Test
    void tooManyEntries() {
        TestArchives.Spec[] specs = new TestArchives.Spec[101];
        for (int i = 0; i < specs.length; i++) {
            specs[i] = TestArchives.file("f/" + i, "");
        }
        assertRejected(TestArchives.gzip(TestArchives.tar(specs)), LayerOptions.defaults(temp).withMaxEntries(100))
                .hasMessageContaining("more than 100 tar entries (maxEntries)");
    }

    @Test
    void hugeFileClaimedButTruncated() throws IOException {
        TarArchiveEntry e = new TarArchiveEntry("big.bin");
        e.setSize(1L << 30);
        byte[] header = new byte[512];
        e.writeEntryHeader(header);
        byte[] tar = new byte[512 + 10_000];
        System.arraycopy(header, 0, tar, 0, 512);
        assertRejected(TestArchives.gzip(tar), LayerOptions.defaults(temp))
                .hasMessageContaining("corrupt tar: archive ends inside the content of entry big.bin: "
                        + ((1L << 30) - 10_000) + " of " + (1L << 30) + " bytes missing");
    }

    @Test
    void malformedPaxRecord() {
        byte[] tar = TestArchives.concat(
                TestArchives.raw("PaxHeaders/x", (byte) 'x', "99999999999 path=../../x\n".getBytes(US_ASCII)),
                TestArchives.raw("x", (byte) '0', new byte[0]));
        assertRejected(tar, LayerOptions.defaults(temp))
                .hasMessageContaining("corrupt tar: PAX record longer than its header at byte 0 in the PAX header at"
                        + " offset 0");
    }

    @Test
    void endlessExtendedHeaders() {
        byte[][] parts = new byte[10][];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = TestArchives.raw("PaxHeaders/x", (byte) 'x', ("20 comment=" + i + "abcdefg\n").getBytes(US_ASCII));
        }
        assertRejected(TestArchives.gzip(TestArchives.concat(parts)), LayerOptions.defaults(temp))
                .hasMessageContaining("hostile tar: more than 8 extended headers in a row at offset 8192");
    }

    @Test
    void paxPathEscapingTheRoot() {
        String record = "25 path=../../etc/passwd\n";
        byte[] tar = TestArchives.concat(
                TestArchives.raw("PaxHeaders/x", (byte) 'x', record.getBytes(US_ASCII)),
                TestArchives.raw("innocent", (byte) '0', "x".getBytes(US_ASCII)));
        assertRejected(tar, LayerOptions.defaults(temp))
                .hasMessageContaining("hostile tar: entry \"../../etc/passwd\" escapes the layer root");
    }

    @Test
    void fileAboveMaxFileSize() {
        byte[] tar = TestArchives.tar(TestArchives.file("etc/big", "x".repeat(5000)));
        assertRejected(tar, LayerOptions.defaults(temp).withMaxFileSize(4096))
                .hasMessageContaining("entry etc/big claims 5000 bytes, above the per-file limit of 4096 bytes");
    }

    @Test
    void corruptTarHeader() {
        byte[] tar = TestArchives.tar(TestArchives.file("etc/a", "a"), TestArchives.file("etc/b", "b"));
        tar[1024 + 3] ^= 0x20; // a byte of the second header's name
        assertRejected(tar, LayerOptions.defaults(temp))
                .hasMessageContaining("corrupt tar: bad header checksum in the header at offset 1024");
    }

    @Test
    void tempBudgetIsShared() throws IOException {
        byte[] tar = TestArchives.tar(TestArchives.file("etc/a", "x".repeat(40_000)));
        LayerOptions small = LayerOptions.defaults(temp).withMaxTempBytes(60_000);
        fetcher = new LayerFetcher(CLIENT, small);
        Path blob = Files.write(scratch.resolve("budget.tar"), tar);
        LayerDescriptor d = new LayerDescriptor(TestArchives.sha256(tar), blob.toUri());
        try (TarLayer first = fetcher.fetch(d)) {
            assertThat(fetcher.tempBytesInUse()).isPositive();
            assertThatThrownBy(() -> fetcher.fetch(d)).isInstanceOf(LayerException.class)
                    .hasMessageContaining("is full").hasMessageContaining("(maxTempBytes)");
            assertThat(first.exists("etc/a")).isTrue();
        }
    }

    private TarLayer fetch(byte[] blob, LayerOptions options) throws IOException {
        fetcher = new LayerFetcher(CLIENT, options);
        Path f = Files.write(Files.createTempFile(scratch, "blob", ""), blob);
        return fetcher.fetch(new LayerDescriptor(TestArchives.sha256(blob), f.toUri()));
    }

    /** Fetches {@code blob} (its own digest, so verification is not what fails) and expects a rejection. */
    private AbstractThrowableAssert<?, ? extends Throwable> assertRejected(byte[] blob, LayerOptions options) {
        Digest d = TestArchives.sha256(blob);
        return assertThatThrownBy(() -> fetch(blob, options).close()).isInstanceOf(LayerException.class)
                .hasMessageStartingWith("layer " + d + ": ");
    }
}
