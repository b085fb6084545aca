package io.clair.api.bundle;

import com.github.luben.zstd.ZstdInputStream;
import com.github.luben.zstd.ZstdOutputStream;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** Bundles may be plain, gzip or zstd: read by magic bytes, written by the file name's extension. */
public final class Compression {
    private Compression() {
    }

    public static InputStream decompressing(InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
        in.mark(4);
        byte[] head = in.readNBytes(4);
        in.reset();
        if (head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
            return new GZIPInputStream(in, 1 << 16);
        }
        if (head.length == 4 && (head[0] & 0xff) == 0x28 && (head[1] & 0xff) == 0xb5 && (head[2] & 0xff) == 0x2f
                && (head[3] & 0xff) == 0xfd) {
            return new ZstdInputStream(in);
        }
        return in;
    }

    /** Compresses by name: {@code .gz} gzip, {@code .zst} zstd, anything else plain. */
    public static OutputStream compressing(OutputStream raw, String name) throws IOException {
        if (name.endsWith(".gz")) {
            return new GZIPOutputStream(raw, 1 << 16);
        }
        if (name.endsWith(".zst") || name.endsWith(".zstd")) {
            return new ZstdOutputStream(raw, 3);
        }
        return raw;
    }
}
