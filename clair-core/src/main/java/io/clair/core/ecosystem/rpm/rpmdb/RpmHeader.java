package io.clair.core.ecosystem.rpm.rpmdb;

import io.clair.core.layer.Layer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One rpm header as rpm stores it in its package databases: an index of 16-byte entries (tag, type, offset, count,
 * big-endian) followed by a data store. Unlike a header inside an {@code .rpm} file there is no magic/version preamble:
 * the blob starts with the entry count and the data length.
 *
 * <p>{@link #parse(byte[])} checks the layout once (sizes, every entry's type, offset, count and alignment, the
 * immutable-region trailer), so that later reads can only fail on the contents of the tag they ask for. Every failure
 * is a {@link HeaderException} (a {@link io.clair.core.scan.ScanException}): a corrupt header never escapes as an
 * unchecked exception, and nothing allocates more than the blob it was given.
 *
 * <p>When a tag occurs twice, the later entry wins: rpm appends "dribble" entries (written after install) behind the
 * immutable region and they replace the region's copy.
 */
public final class RpmHeader {
    public static final int TAG_NAME = 1000;
    public static final int TAG_VERSION = 1001;
    public static final int TAG_RELEASE = 1002;
    public static final int TAG_EPOCH = 1003;
    public static final int TAG_ARCH = 1022;
    public static final int TAG_OLDFILENAMES = 1027;
    public static final int TAG_SOURCERPM = 1044;
    public static final int TAG_DIRINDEXES = 1116;
    public static final int TAG_BASENAMES = 1117;
    public static final int TAG_DIRNAMES = 1118;
    public static final int TAG_MODULARITYLABEL = 5096;

    static final int TYPE_NULL = 0;
    static final int TYPE_CHAR = 1;
    static final int TYPE_INT8 = 2;
    static final int TYPE_INT16 = 3;
    static final int TYPE_INT32 = 4;
    static final int TYPE_INT64 = 5;
    static final int TYPE_STRING = 6;
    static final int TYPE_BIN = 7;
    static final int TYPE_STRING_ARRAY = 8;
    static final int TYPE_I18NSTRING = 9;

    private static final int TAG_HEADERIMAGE = 61;
    private static final int TAG_HEADERSIGNATURES = 62;
    private static final int TAG_HEADERIMMUTABLE = 63;
    private static final int ENTRY_SIZE = 16;
    private static final int REGION_TRAILER_SIZE = 16;
    // rpm's own limits (HEADER_TAGS_MAX, HEADER_DATA_MAX in lib/header_internal.h)
    private static final int MAX_ENTRIES = 0xffff;
    private static final int MAX_DATA = 0x0fffffff;

    private final byte[] blob;
    private final int entryCount;
    private final int dataStart;
    private final int dataLength;

    private RpmHeader(byte[] blob, int entryCount, int dataLength) {
        this.blob = blob;
        this.entryCount = entryCount;
        this.dataStart = 8 + entryCount * ENTRY_SIZE;
        this.dataLength = dataLength;
    }

    /**
     * Parses and checks a header blob. The array is kept, not copied: callers must not change it afterwards.
     *
     * @throws HeaderException when the blob is not a well-formed header; the message starts with {@code rpm: header:}
     */
    public static RpmHeader parse(byte[] blob) throws HeaderException {
        if (blob.length < 8) {
            throw fail("blob of " + blob.length + " bytes is shorter than the 8-byte preamble");
        }
        long il = Integer.toUnsignedLong(be32(blob, 0));
        long dl = Integer.toUnsignedLong(be32(blob, 4));
        if (il < 1 || il > MAX_ENTRIES) {
            throw fail("entry count " + il + " out of range 1.." + MAX_ENTRIES);
        }
        if (dl > MAX_DATA) {
            throw fail("data length " + dl + " out of range");
        }
        if (8 + il * ENTRY_SIZE + dl != blob.length) {
            throw fail("size mismatch: " + il + " entries and " + dl + " data bytes need " + (8 + il * ENTRY_SIZE + dl)
                    + " bytes, blob has " + blob.length);
        }
        RpmHeader h = new RpmHeader(blob, (int) il, (int) dl);
        for (int i = 0; i < h.entryCount; i++) {
            h.checkEntry(i);
        }
        h.checkRegion();
        return h;
    }

    /** The header's string for {@code tag}: a STRING, or the first element of a STRING_ARRAY or I18NSTRING. */
    public Optional<String> string(int tag) throws HeaderException {
        int e = find(tag);
        if (e < 0) {
            return Optional.empty();
        }
        int type = type(e);
        if (type != TYPE_STRING && type != TYPE_STRING_ARRAY && type != TYPE_I18NSTRING) {
            throw fail("tag " + tag + " has type " + type + ", want a string");
        }
        return Optional.of(readString(tag, offset(e)));
    }

    /** The INT32 values of {@code tag}, or an empty array when the header lacks it. */
    public int[] int32s(int tag) throws HeaderException {
        int e = find(tag);
        if (e < 0) {
            return new int[0];
        }
        if (type(e) != TYPE_INT32) {
            throw fail("tag " + tag + " has type " + type(e) + ", want INT32");
        }
        int n = count(e);
        int off = dataStart + offset(e);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = be32(blob, off + 4 * i);
        }
        return out;
    }

    /** The strings of a STRING_ARRAY (or I18NSTRING, or single STRING) tag; empty when the header lacks it. */
    public List<String> strings(int tag) throws HeaderException {
        int e = find(tag);
        if (e < 0) {
            return List.of();
        }
        int type = type(e);
        if (type != TYPE_STRING && type != TYPE_STRING_ARRAY && type != TYPE_I18NSTRING) {
            throw fail("tag " + tag + " has type " + type + ", want a string array");
        }
        int n = count(e);
        List<String> out = new ArrayList<>(n);
        int pos = offset(e);
        for (int i = 0; i < n; i++) {
            int end = nul(tag, pos);
            out.add(new String(blob, dataStart + pos, end - pos, StandardCharsets.UTF_8));
            pos = end + 1;
        }
        return out;
    }

    /**
     * The files this package owns, as layer paths (no leading {@code /}, see {@link Layer}), in
     * header order. Built from DIRNAMES/BASENAMES/DIRINDEXES, or from OLDFILENAMES in headers that predate
     * compressed file lists; empty for a package without files.
     */
    public List<String> files() throws HeaderException {
        List<String> base = strings(TAG_BASENAMES);
        if (base.isEmpty()) {
            List<String> out = new ArrayList<>();
            for (String f : strings(TAG_OLDFILENAMES)) {
                out.add(Layer.normalize(f));
            }
            return List.copyOf(out);
        }
        List<String> dirs = strings(TAG_DIRNAMES);
        int[] idx = int32s(TAG_DIRINDEXES);
        if (idx.length != base.size()) {
            throw fail(base.size() + " basenames but " + idx.length + " dirindexes");
        }
        List<String> out = new ArrayList<>(base.size());
        for (int i = 0; i < idx.length; i++) {
            if (idx[i] < 0 || idx[i] >= dirs.size()) {
                throw fail("dirindex " + idx[i] + " outside the " + dirs.size() + " dirnames");
            }
            out.add(Layer.normalize(dirs.get(idx[i]) + base.get(i)));
        }
        return List.copyOf(out);
    }

    /** True when the header holds {@code tag}. */
    public boolean has(int tag) {
        return find(tag) >= 0;
    }

    /** Index of the last entry carrying {@code tag}, or -1; the last one wins (see class comment). */
    private int find(int tag) {
        for (int i = entryCount - 1; i >= 0; i--) {
            if (be32(blob, 8 + i * ENTRY_SIZE) == tag) {
                return i;
            }
        }
        return -1;
    }

    private int type(int e) {
        return be32(blob, 8 + e * ENTRY_SIZE + 4);
    }

    private int offset(int e) {
        return be32(blob, 8 + e * ENTRY_SIZE + 8);
    }

    private int count(int e) {
        return be32(blob, 8 + e * ENTRY_SIZE + 12);
    }

    private void checkEntry(int e) throws HeaderException {
        int tag = be32(blob, 8 + e * ENTRY_SIZE);
        int type = type(e);
        long off = Integer.toUnsignedLong(offset(e));
        long count = Integer.toUnsignedLong(count(e));
        String what = "entry " + e + " (tag " + tag + ")";
        if (type < TYPE_NULL || type > TYPE_I18NSTRING) {
            throw fail(what + ": unknown type " + type);
        }
        if (count == 0) {
            throw fail(what + ": count is 0");
        }
        if (off >= dataLength) {
            throw fail(what + ": offset " + off + " outside the " + dataLength + "-byte data store");
        }
        // bytes per value; a string takes at least its NUL, so count bounds string arrays too
        int size = switch (type) {
            case TYPE_INT16 -> 2;
            case TYPE_INT32 -> 4;
            case TYPE_INT64 -> 8;
            default -> 1;
        };
        if (off % size != 0) {
            throw fail(what + ": offset " + off + " not aligned for type " + type);
        }
        if (type == TYPE_STRING && count != 1) {
            throw fail(what + ": STRING with count " + count);
        }
        if (off + count * size > dataLength) {
            throw fail(what + ": " + count + " values at offset " + off + " run past the " + dataLength
                    + "-byte data store");
        }
    }

    /**
     * Checks the immutable region rpm puts first: a BIN entry whose data is a trailer entry pointing back over the
     * region's index. Headers without one (very old databases) are accepted as rpm does.
     */
    private void checkRegion() throws HeaderException {
        int tag = be32(blob, 8);
        if (tag != TAG_HEADERIMAGE && tag != TAG_HEADERSIGNATURES && tag != TAG_HEADERIMMUTABLE) {
            return;
        }
        int off = offset(0);
        if (type(0) != TYPE_BIN || count(0) != REGION_TRAILER_SIZE
                || Integer.toUnsignedLong(off) + REGION_TRAILER_SIZE > dataLength) {
            throw fail("region tag " + tag + " has a malformed entry");
        }
        int t = dataStart + off;
        int trailerTag = be32(blob, t);
        // the same fix-up as rpm's headerVerifyRegion: old signature headers used the image tag in the trailer
        if (tag == TAG_HEADERSIGNATURES && trailerTag == TAG_HEADERIMAGE) {
            trailerTag = TAG_HEADERSIGNATURES;
        }
        long back = -(long) be32(blob, t + 8);
        if (trailerTag != tag || be32(blob, t + 4) != TYPE_BIN || be32(blob, t + 12) != REGION_TRAILER_SIZE
                || back <= 0 || back % ENTRY_SIZE != 0 || back / ENTRY_SIZE > entryCount) {
            throw fail("region tag " + tag + " has a malformed trailer");
        }
    }

    private String readString(int tag, int pos) throws HeaderException {
        int end = nul(tag, pos);
        return new String(blob, dataStart + pos, end - pos, StandardCharsets.UTF_8);
    }

    /** Data-store offset of the NUL ending the string at {@code pos}. */
    private int nul(int tag, int pos) throws HeaderException {
        for (int i = pos; i < dataLength; i++) {
            if (blob[dataStart + i] == 0) {
                return i;
            }
        }
        throw fail("tag " + tag + ": string at offset " + pos + " is not terminated inside the data store");
    }

    static int be32(byte[] b, int off) {
        return (b[off] & 0xff) << 24 | (b[off + 1] & 0xff) << 16 | (b[off + 2] & 0xff) << 8 | (b[off + 3] & 0xff);
    }

    private static HeaderException fail(String msg) {
        return new HeaderException("rpm: header: " + msg);
    }
}
