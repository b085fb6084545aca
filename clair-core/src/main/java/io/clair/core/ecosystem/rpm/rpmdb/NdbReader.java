package io.clair.core.ecosystem.rpm.rpmdb;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.Adler32;

/**
 * Reads the header blobs out of rpm's NDB package database ({@code Packages.db}, SUSE's default backend; format of
 * rpm's {@code lib/backend/ndb/rpmpkg.c}).
 *
 * <p>Layout, all little-endian: a 32-byte file header ({@code RpmP}, version 0, generation, number of slot pages,
 * next package index), then slot pages of 4096 bytes holding 16-byte slots ({@code Slot}, package index, block
 * offset, block count; offset 0 marks a free slot), then blobs in 16-byte blocks: a 16-byte head ({@code BlbS},
 * package index, timestamp, length), the header, zero padding, and a 12-byte tail (Adler-32 of everything before it,
 * length, {@code BlbE}).
 *
 * <p>Slots are checked as rpm checks them when it loads them (blocks inside the file, past the slot pages); every
 * blob's head, tail and checksum are verified before the header is handed on. Blobs are read in block order, as
 * {@code rpm -qa} lists them.
 */
public final class NdbReader {
    private static final int PKGDB_MAGIC = 'R' | 'p' << 8 | 'm' << 16 | 'P' << 24;
    private static final int SLOT_MAGIC = 'S' | 'l' << 8 | 'o' << 16 | 't' << 24;
    private static final int BLOB_HEAD_MAGIC = 'B' | 'l' << 8 | 'b' << 16 | 'S' << 24;
    private static final int BLOB_TAIL_MAGIC = 'B' | 'l' << 8 | 'b' << 16 | 'E' << 24;
    private static final int HEADER_SIZE = 32;
    private static final int PAGE_SIZE = 4096;
    private static final int SLOT_SIZE = 16;
    private static final int BLK_SIZE = 16;
    private static final int BLOB_HEAD = 16;
    private static final int BLOB_TAIL = 12;

    private NdbReader() {
    }

    /** One used slot: where package {@code pkgIdx}'s blob lives, in 16-byte blocks. */
    private record Slot(long pkgIdx, long blkOff, long blkCnt) {
    }

    /** True when {@code head} (the first 8 bytes of a file, or more) starts an NDB package database. */
    public static boolean hasMagic(byte[] head) {
        return head.length >= 4 && le32(head, 0) == PKGDB_MAGIC;
    }

    /**
     * Hands every header blob in {@code path} to {@code sink}.
     *
     * @param name the file's layer path, used in messages
     * @throws io.clair.core.scan.ScanException when the database is corrupt; the message names {@code name}
     */
    public static void read(Path path, String name, HeaderSink sink) throws IOException {
        try (DbFile f = new DbFile(path, "ndb", name)) {
            for (Slot s : slots(f)) {
                sink.accept(blob(f, s));
            }
        }
    }

    private static List<Slot> slots(DbFile f) throws IOException {
        byte[] head = new byte[HEADER_SIZE];
        f.read(0, head, 0, HEADER_SIZE);
        if (le32(head, 0) != PKGDB_MAGIC) {
            throw f.corrupt("not an NDB package database");
        }
        if (le32(head, 4) != 0) {
            throw f.corrupt("unsupported version " + u32(head, 4));
        }
        if (f.size() % BLK_SIZE != 0) {
            throw f.corrupt("truncated: size " + f.size() + " is not a whole number of 16-byte blocks");
        }
        long slotPages = u32(head, 12);
        if (slotPages == 0 || slotPages * PAGE_SIZE > f.size()) {
            throw f.corrupt("truncated: " + slotPages + " slot pages do not fit the " + f.size() + "-byte file");
        }
        long fileBlocks = f.size() / BLK_SIZE;
        long firstBlob = slotPages * (PAGE_SIZE / BLK_SIZE);
        List<Slot> out = new ArrayList<>();
        Set<Long> ids = new HashSet<>();
        byte[] page = new byte[PAGE_SIZE];
        for (long p = 0; p < slotPages; p++) {
            f.read(p * PAGE_SIZE, page, 0, PAGE_SIZE);
            for (int o = p == 0 ? HEADER_SIZE : 0; o < PAGE_SIZE; o += SLOT_SIZE) {
                if (le32(page, o) != SLOT_MAGIC) {
                    throw f.corrupt("slot at " + (p * PAGE_SIZE + o) + " has a bad magic");
                }
                long blkOff = u32(page, o + 8);
                if (blkOff == 0) {
                    continue; // free slot
                }
                Slot s = new Slot(u32(page, o + 4), blkOff, u32(page, o + 12));
                if (s.pkgIdx == 0 || s.blkCnt == 0 || s.blkOff < firstBlob || s.blkOff + s.blkCnt > fileBlocks) {
                    throw f.corrupt("slot at " + (p * PAGE_SIZE + o) + " is bad: package " + s.pkgIdx + ", blocks "
                            + s.blkOff + "+" + s.blkCnt + " of " + fileBlocks);
                }
                if (!ids.add(s.pkgIdx)) {
                    throw f.corrupt("two slots for package " + s.pkgIdx);
                }
                out.add(s);
            }
        }
        out.sort(Comparator.comparingLong(Slot::blkOff));
        return out;
    }

    private static byte[] blob(DbFile f, Slot s) throws IOException {
        String where = "blob of package " + s.pkgIdx + ": ";
        long bytes = s.blkCnt * BLK_SIZE;
        if (bytes < BLOB_HEAD + BLOB_TAIL || bytes > Integer.MAX_VALUE - 16) {
            throw f.corrupt(where + "nonsense size of " + s.blkCnt + " blocks");
        }
        byte[] raw = new byte[(int) bytes];
        f.read(s.blkOff * BLK_SIZE, raw, 0, raw.length);
        if (le32(raw, 0) != BLOB_HEAD_MAGIC || u32(raw, 4) != s.pkgIdx) {
            throw f.corrupt(where + "bad blob head");
        }
        long len = u32(raw, 12);
        if ((BLOB_HEAD + len + BLOB_TAIL + BLK_SIZE - 1) / BLK_SIZE != s.blkCnt) {
            throw f.corrupt(where + "length " + len + " does not match the slot's " + s.blkCnt + " blocks");
        }
        int tail = raw.length - BLOB_TAIL;
        if (le32(raw, tail + 8) != BLOB_TAIL_MAGIC || u32(raw, tail + 4) != len) {
            throw f.corrupt(where + "bad blob tail");
        }
        // rpm skips this check when it reads; it is cheap and turns a flipped bit into an error, not a wrong name
        Adler32 adler = new Adler32();
        adler.update(raw, 0, tail);
        if (adler.getValue() != u32(raw, tail)) {
            throw f.corrupt(where + "checksum mismatch");
        }
        byte[] out = new byte[(int) len];
        System.arraycopy(raw, BLOB_HEAD, out, 0, out.length);
        return out;
    }

    private static long u32(byte[] b, int off) {
        return Integer.toUnsignedLong(le32(b, off));
    }

    private static int le32(byte[] b, int off) {
        return (b[off] & 0xff) | (b[off + 1] & 0xff) << 8 | (b[off + 2] & 0xff) << 16 | (b[off + 3] & 0xff) << 24;
    }
}
