package io.clair.core.ecosystem.rpm.rpmdb;

import java.io.IOException;
import java.nio.file.Path;
import java.util.BitSet;

/**
 * Reads the header blobs out of a Berkeley DB hash database, rpm's {@code Packages} file up to RHEL 8 / CentOS 8.
 *
 * <p>The walk is the one rpm's own read-only backend ({@code lib/backend/bdb_ro}) does: every bucket from 0 to the
 * meta page's max bucket, each bucket's page chain, each key/value pair on a page; values are stored inline or, for
 * anything but the smallest headers, in a chain of overflow pages. Free and stale pages are never looked at. The
 * record with key 0 is rpm's instance counter, not a header, and is skipped.
 *
 * <p>Bounded on hostile input: every page number is checked against the meta page's last page and the file size,
 * every page is read at most once (so a bucket or overflow chain that loops, or two items sharing pages, is reported
 * instead of followed), and an overflow item can be no longer than the pages that could hold it.
 */
public final class BdbReader {
    private static final int HASH_MAGIC = 0x00061561;
    private static final int META_SIZE = 512;
    private static final int PAGE_HEADER = 26;
    private static final int P_HASH_UNSORTED = 2;
    private static final int P_OVERFLOW = 7;
    private static final int P_HASHMETA = 8;
    private static final int P_HASH = 13;
    private static final int H_KEYDATA = 1;
    private static final int H_OFFPAGE = 3;
    private static final int HOFFPAGE_SIZE = 12;

    private final DbFile file;
    private final boolean bigEndian;
    private final int pageSize;
    private final long lastPage;
    private final long maxBucket;
    private final long[] spares = new long[32];
    private final byte[] page;
    private final byte[] overflow;
    private final BitSet seen = new BitSet();

    private BdbReader(DbFile file, byte[] meta) throws IOException {
        this.file = file;
        this.bigEndian = be32(meta, 12) == HASH_MAGIC;
        if (!bigEndian && le32(meta, 12) != HASH_MAGIC) {
            throw file.corrupt("not a Berkeley DB hash database (magic " + Integer.toHexString(le32(meta, 12)) + ")");
        }
        long version = u32(meta, 16);
        if (version < 8 || version > 10) {
            throw file.corrupt("unsupported hash version " + version);
        }
        long ps = u32(meta, 20);
        if (ps < 512 || ps > 65536 || Long.bitCount(ps) != 1) {
            throw file.corrupt("nonsense page size " + ps);
        }
        this.pageSize = (int) ps;
        if (meta[24] != 0) {
            throw file.corrupt("encrypted databases are not supported");
        }
        if (meta[25] != P_HASHMETA) {
            throw file.corrupt("page 0 has type " + meta[25] + ", want hash meta (8)");
        }
        this.lastPage = u32(meta, 32);
        if (lastPage > Integer.MAX_VALUE) {
            throw file.corrupt("nonsense last page " + lastPage);
        }
        if ((lastPage + 1) * pageSize > file.size()) {
            throw file.corrupt("truncated: last page " + lastPage + " of " + pageSize + " bytes lies beyond the "
                    + file.size() + "-byte file");
        }
        this.maxBucket = u32(meta, 72);
        if (maxBucket >= lastPage) {
            throw file.corrupt("max bucket " + maxBucket + " needs more pages than the " + lastPage + " in the file");
        }
        for (int i = 0; i < spares.length; i++) {
            spares[i] = u32(meta, 96 + 4 * i);
        }
        this.page = new byte[pageSize];
        this.overflow = new byte[pageSize];
    }

    /** True when {@code head} (the first 16 bytes of a file, or more) starts a Berkeley DB hash database. */
    public static boolean hasMagic(byte[] head) {
        return head.length >= 16 && (le32(head, 12) == HASH_MAGIC || be32(head, 12) == HASH_MAGIC);
    }

    /**
     * Hands every header blob in {@code path} to {@code sink}, in bucket order.
     *
     * @param name the file's layer path, used in messages
     * @throws io.clair.core.scan.ScanException when the database is corrupt; the message names {@code name}
     */
    public static void read(Path path, String name, HeaderSink sink) throws IOException {
        try (DbFile f = new DbFile(path, "bdb", name)) {
            byte[] meta = new byte[META_SIZE];
            f.read(0, meta, 0, META_SIZE);
            new BdbReader(f, meta).walk(sink);
        }
    }

    private void walk(HeaderSink sink) throws IOException {
        for (long bucket = 0; bucket <= maxBucket; bucket++) {
            long pg = bucket + spares[64 - Long.numberOfLeadingZeros(bucket)];
            while (pg != 0) {
                load(pg, page);
                int type = page[25];
                if (type != P_HASH && type != P_HASH_UNSORTED) {
                    throw file.corrupt("bucket " + bucket + " page " + pg + " has type " + type + ", want a hash page");
                }
                items(pg, sink);
                pg = u32(page, 16);
            }
        }
    }

    /** Every key/value pair on the hash page in {@link #page}. */
    private void items(long pg, HeaderSink sink) throws IOException {
        int n = u16(page, 20);
        int min = PAGE_HEADER + 2 * n;
        if (n % 2 != 0 || min > pageSize) {
            throw file.corrupt("page " + pg + ": nonsense item count " + n);
        }
        for (int i = 0; i < n; i += 2) {
            int koff = u16(page, PAGE_HEADER + 2 * i);
            int voff = u16(page, PAGE_HEADER + 2 * i + 2);
            int kend = i == 0 ? pageSize : u16(page, PAGE_HEADER + 2 * i - 2);
            // items grow down from the end of the page: key above value, each ending where the previous one starts
            if (voff < min || voff >= koff || koff >= kend || kend > pageSize) {
                throw file.corrupt("page " + pg + ": item " + i / 2 + " has nonsense offsets " + koff + "/" + voff);
            }
            int klen = kend - koff;
            int vlen = koff - voff;
            if (page[koff] != H_KEYDATA && page[koff] != H_OFFPAGE) {
                throw file.corrupt("page " + pg + ": item " + i / 2 + " key has type " + page[koff]);
            }
            if (page[koff] == H_KEYDATA && klen == 5 && u32(page, koff + 1) == 0) {
                continue; // key 0 holds rpm's instance counter
            }
            sink.accept(value(pg, i / 2, voff, vlen));
        }
    }

    private byte[] value(long pg, int item, int voff, int vlen) throws IOException {
        if (page[voff] == H_KEYDATA) {
            byte[] out = new byte[vlen - 1];
            System.arraycopy(page, voff + 1, out, 0, vlen - 1);
            return out;
        }
        if (page[voff] != H_OFFPAGE || vlen != HOFFPAGE_SIZE) {
            throw file.corrupt("page " + pg + ": item " + item + " value has type " + page[voff] + " and length "
                    + vlen + ", want inline data or an overflow reference");
        }
        return chain(u32(page, voff + 4), u32(page, voff + 8));
    }

    /** Concatenates the overflow chain starting at {@code pg}, which must hold exactly {@code length} bytes. */
    private byte[] chain(long pg, long length) throws IOException {
        long room = lastPage * (pageSize - PAGE_HEADER);
        if (length == 0 || length > room || length > Integer.MAX_VALUE - 16) {
            throw file.corrupt("overflow item of " + length + " bytes cannot fit the file's " + lastPage + " pages");
        }
        byte[] out = new byte[(int) length];
        int pos = 0;
        while (pos < out.length) {
            if (pg == 0) {
                throw file.corrupt("overflow chain ends after " + pos + " of " + length + " bytes");
            }
            load(pg, overflow);
            if (overflow[25] != P_OVERFLOW) {
                throw file.corrupt("overflow chain reaches page " + pg + " of type " + overflow[25]);
            }
            int len = u16(overflow, 22); // on overflow pages the high-free-offset field holds the bytes used
            if (len == 0 || PAGE_HEADER + len > pageSize || len > out.length - pos) {
                throw file.corrupt("overflow page " + pg + " claims " + len + " bytes (" + (out.length - pos)
                        + " still expected)");
            }
            System.arraycopy(overflow, PAGE_HEADER, out, pos, len);
            pos += len;
            pg = u32(overflow, 16);
        }
        return out;
    }

    /** Reads page {@code pg} into {@code dst}; each page may be read once per walk, so loops cannot go unnoticed. */
    private void load(long pg, byte[] dst) throws IOException {
        if (pg < 1 || pg > lastPage) {
            throw file.corrupt("page number " + pg + " outside 1.." + lastPage);
        }
        if (seen.get((int) pg)) {
            throw file.corrupt("page " + pg + " reached twice: a page chain loops or two items share pages");
        }
        seen.set((int) pg);
        file.read(pg * pageSize, dst, 0, pageSize);
        if (u32(dst, 8) != pg) {
            throw file.corrupt("page " + pg + " says it is page " + u32(dst, 8));
        }
    }

    private long u32(byte[] b, int off) {
        return Integer.toUnsignedLong(bigEndian ? be32(b, off) : le32(b, off));
    }

    private int u16(byte[] b, int off) {
        return bigEndian ? (b[off] & 0xff) << 8 | (b[off + 1] & 0xff) : (b[off] & 0xff) | (b[off + 1] & 0xff) << 8;
    }

    private static int le32(byte[] b, int off) {
        return (b[off] & 0xff) | (b[off + 1] & 0xff) << 8 | (b[off + 2] & 0xff) << 16 | (b[off + 3] & 0xff) << 24;
    }

    private static int be32(byte[] b, int off) {
        return RpmHeader.be32(b, off);
    }
}
