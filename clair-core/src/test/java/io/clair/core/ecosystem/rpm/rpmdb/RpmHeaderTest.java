package io.clair.core.ecosystem.rpm.rpmdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clair.core.testing.TestData;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The header parser on a real header (the one in the libuuid database) with its fields made absurd, and on small
 * hand-built headers for the cases a real one cannot show (duplicate tags, broken file lists).
 */
class RpmHeaderTest {

    @Test
    void realHeaderReadsAsTheOracleLists() throws Exception {
        String[] want = Files.readString(TestData.path("rpm/libuuid/rpm-qa.tsv")).strip().split("\t");
        RpmHeader h = RpmHeader.parse(libuuid());

        assertThat(h.string(RpmHeader.TAG_NAME)).contains(want[0]);
        assertThat(h.int32s(RpmHeader.TAG_EPOCH)).isEmpty(); // EPOCHNUM 0: no EPOCH tag
        assertThat(h.string(RpmHeader.TAG_VERSION)).contains(want[2]);
        assertThat(h.string(RpmHeader.TAG_RELEASE)).contains(want[3]);
        assertThat(h.string(RpmHeader.TAG_ARCH)).contains(want[4]);
        assertThat(h.string(RpmHeader.TAG_SOURCERPM)).contains(want[5]);
        assertThat(h.files()).isNotEmpty().allSatisfy(f -> assertThat(f).doesNotStartWith("/"));
    }

    @Test
    void truncatedBlobIsRejected() throws Exception {
        byte[] b = libuuid();
        assertRejected(java.util.Arrays.copyOf(b, b.length - 1), "size mismatch");
        assertRejected(java.util.Arrays.copyOf(b, 5), "shorter than the 8-byte preamble");
    }

    @Test
    void absurdCountsAndLengthsAreRejected() throws Exception {
        assertRejected(withInt(libuuid(), 0, 0x7fffffff), "entry count");
        assertRejected(withInt(libuuid(), 0, 0), "entry count");
        assertRejected(withInt(libuuid(), 4, 0xffffffff), "data length");
        assertRejected(withInt(libuuid(), 4, 0x0ffffff0), "size mismatch");
    }

    @Test
    void absurdEntriesAreRejected() throws Exception {
        byte[] b = libuuid();
        int dl = ByteBuffer.wrap(b).getInt(4);
        int name = entryOf(b, RpmHeader.TAG_NAME);
        int dirindexes = entryOf(b, RpmHeader.TAG_DIRINDEXES);
        assertRejected(withInt(b.clone(), name + 8, dl + 100), "outside the");
        assertRejected(withInt(b.clone(), name + 8, -4), "outside the");
        assertRejected(withInt(b.clone(), name + 4, 42), "unknown type 42");
        assertRejected(withInt(b.clone(), name + 12, 3), "STRING with count 3");
        assertRejected(withInt(b.clone(), dirindexes + 12, 0x40000000), "run past");
        assertRejected(withInt(b.clone(), dirindexes + 12, 0), "count is 0");
        int off = ByteBuffer.wrap(b).getInt(dirindexes + 8);
        assertRejected(withInt(b.clone(), dirindexes + 8, off + 2), "not aligned");
    }

    @Test
    void brokenRegionTrailerIsRejected() throws Exception {
        byte[] b = libuuid();
        int il = ByteBuffer.wrap(b).getInt(0);
        int trailer = 8 + il * 16 + ByteBuffer.wrap(b).getInt(8 + 8);
        assertRejected(withInt(b.clone(), trailer + 8, 16 * (il + 1) * -1), "malformed trailer");
        assertRejected(withInt(b.clone(), trailer, 1000), "malformed trailer");
    }

    @Test
    void stringWithoutTerminatorFailsWhenRead() throws Exception {
        RpmHeader h = RpmHeader.parse(build(List.of(new int[] {RpmHeader.TAG_NAME, RpmHeader.TYPE_STRING, 0, 1}),
                "abc".getBytes(StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> h.string(RpmHeader.TAG_NAME)).isInstanceOf(HeaderException.class)
                .hasMessageStartingWith("rpm: header: ").hasMessageContaining("not terminated");
    }

    @Test
    void wrongTypeForAnIntegerTagFailsWhenRead() throws Exception {
        RpmHeader h = RpmHeader.parse(build(List.of(new int[] {RpmHeader.TAG_EPOCH, RpmHeader.TYPE_STRING, 0, 1}),
                "1\0".getBytes(StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> h.int32s(RpmHeader.TAG_EPOCH)).isInstanceOf(HeaderException.class)
                .hasMessageContaining("want INT32");
    }

    @Test
    void laterEntryOfATagWins() throws Exception {
        // rpm appends entries written after install behind the region; they replace the region's copy
        RpmHeader h = RpmHeader.parse(build(List.of(
                new int[] {RpmHeader.TAG_NAME, RpmHeader.TYPE_STRING, 0, 1},
                new int[] {RpmHeader.TAG_NAME, RpmHeader.TYPE_STRING, 4, 1}), "old\0new\0".getBytes(StandardCharsets.UTF_8)));
        assertThat(h.string(RpmHeader.TAG_NAME)).contains("new");
    }

    @Test
    void fileListJoinsDirectoriesAndBasenames() throws Exception {
        RpmHeader h = RpmHeader.parse(fileList(new int[] {1, 0, 1}));
        assertThat(h.files()).containsExactly("usr/bin/a", "etc/b", "usr/bin/c");
    }

    @Test
    void fileListWithAnIndexOutsideTheDirectoriesIsRejected() throws Exception {
        RpmHeader h = RpmHeader.parse(fileList(new int[] {1, 2, 0}));
        assertThatThrownBy(h::files).isInstanceOf(HeaderException.class).hasMessageContaining("dirindex 2 outside");
        RpmHeader neg = RpmHeader.parse(fileList(new int[] {1, -1, 0}));
        assertThatThrownBy(neg::files).isInstanceOf(HeaderException.class).hasMessageContaining("dirindex -1 outside");
    }

    @Test
    void fileListWithMismatchedCountsIsRejected() throws Exception {
        RpmHeader h = RpmHeader.parse(fileList(new int[] {1, 0}));
        assertThatThrownBy(h::files).isInstanceOf(HeaderException.class)
                .hasMessageContaining("3 basenames but 2 dirindexes");
    }

    /** DIRNAMES {/etc/, /usr/bin/}, BASENAMES {a, b, c}, DIRINDEXES as given. */
    private static byte[] fileList(int[] dirIndexes) {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        for (int i : dirIndexes) {
            data.writeBytes(ByteBuffer.allocate(4).putInt(i).array());
        }
        int names = data.size();
        data.writeBytes("/etc/\0/usr/bin/\0".getBytes(StandardCharsets.UTF_8));
        int bases = data.size();
        data.writeBytes("a\0b\0c\0".getBytes(StandardCharsets.UTF_8));
        return build(List.of(
                new int[] {RpmHeader.TAG_DIRINDEXES, RpmHeader.TYPE_INT32, 0, dirIndexes.length},
                new int[] {RpmHeader.TAG_DIRNAMES, RpmHeader.TYPE_STRING_ARRAY, names, 2},
                new int[] {RpmHeader.TAG_BASENAMES, RpmHeader.TYPE_STRING_ARRAY, bases, 3}), data.toByteArray());
    }

    /** A header blob from {tag, type, offset, count} entries and a data store. */
    private static byte[] build(List<int[]> entries, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(8 + 16 * entries.size() + data.length);
        b.putInt(entries.size()).putInt(data.length);
        entries.forEach(e -> b.putInt(e[0]).putInt(e[1]).putInt(e[2]).putInt(e[3]));
        return b.put(data).array();
    }

    private static byte[] libuuid() throws Exception {
        List<byte[]> blobs = new ArrayList<>();
        BdbReader.read(TestData.path("rpm/libuuid/Packages"), "libuuid/Packages", blobs::add);
        assertThat(blobs).hasSize(1);
        return blobs.get(0);
    }

    /** Byte offset of the index entry for {@code tag}. */
    private static int entryOf(byte[] b, int tag) {
        int il = ByteBuffer.wrap(b).getInt(0);
        for (int i = 0; i < il; i++) {
            if (ByteBuffer.wrap(b).getInt(8 + 16 * i) == tag) {
                return 8 + 16 * i;
            }
        }
        throw new AssertionError("no tag " + tag);
    }

    private static byte[] withInt(byte[] b, int at, int value) {
        ByteBuffer.wrap(b).putInt(at, value);
        return b;
    }

    private static void assertRejected(byte[] blob, String reason) {
        assertThatThrownBy(() -> RpmHeader.parse(blob)).isInstanceOf(HeaderException.class)
                .hasMessageStartingWith("rpm: header: ").hasMessageContaining(reason);
    }
}
