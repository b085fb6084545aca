package io.clair.core.layer;

import com.github.luben.zstd.RecyclingBufferPool;
import com.github.luben.zstd.ZstdInputStreamNoFinalizer;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * The compressions a layer blob may use, and how each is recognised. The bytes have the last word: a blob whose magic
 * says gzip is gunzipped whatever its media type says (registries often serve {@code application/octet-stream}),
 * and a blob declared compressed that lacks the magic is an error rather than a tar to misread.
 */
enum Compression {
    NONE, GZIP, ZSTD;

    /** Inflater input buffer: large enough that native inflate calls, not Java overhead, dominate. */
    private static final int GZIP_BUFFER = 128 * 1024;

    /** What a media type or Content-Type declares; null when it declares nothing (octet-stream, absent). */
    static Compression declared(String mediaType) {
        if (mediaType == null) {
            return null;
        }
        String t = mediaType.toLowerCase(Locale.ROOT);
        int semi = t.indexOf(';');
        if (semi >= 0) {
            t = t.substring(0, semi);
        }
        t = t.strip();
        if (t.endsWith("+gzip") || t.endsWith(".tar.gzip") || t.equals("application/gzip")
                || t.equals("application/x-gzip")) {
            return GZIP;
        }
        if (t.endsWith("+zstd") || t.equals("application/zstd")) {
            return ZSTD;
        }
        if (t.endsWith(".tar") || t.endsWith(".image.rootfs.diff.tar") || t.equals("application/x-tar")) {
            return NONE;
        }
        return null;
    }

    /** What the first bytes say: gzip {@code 1f 8b}, zstd frame {@code 28 b5 2f fd}, else nothing. */
    static Compression sniff(byte[] head, int n) {
        if (n >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
            return GZIP;
        }
        if (n >= 4 && (head[0] & 0xff) == 0x28 && (head[1] & 0xff) == 0xb5 && (head[2] & 0xff) == 0x2f
                && (head[3] & 0xff) == 0xfd) {
            return ZSTD;
        }
        return NONE;
    }

    /** A decompressing view of {@code raw}. */
    InputStream open(InputStream raw) throws IOException {
        return switch (this) {
            case NONE -> raw;
            case GZIP -> new GZIPInputStream(raw, GZIP_BUFFER);
            // the recycling pool keeps zstd's native-sized buffers off the heap churn between layers
            case ZSTD -> new ZstdInputStreamNoFinalizer(raw, RecyclingBufferPool.INSTANCE);
        };
    }

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
