package io.clair.core.ecosystem.osv;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Sits under a {@link java.util.zip.ZipInputStream} to tell a complete archive from a truncated one. The zip stream
 * reads local entries only and reports the end of the archive as soon as the next header is missing, so an archive
 * cut off between two entries would silently parse as a shorter one. This stream remembers the last bytes that
 * passed through it; {@link #requireEnd} drains what the zip stream left and checks that the data ends with an
 * End Of Central Directory record, as every complete zip does. Closing it does not close the stream below, so nested
 * archives can be read in place.
 */
final class ZipTail extends FilterInputStream {
    /** EOCD record (22 bytes) plus the longest possible archive comment. */
    private static final int KEEP = 22 + 0xFFFF;

    private final byte[] ring = new byte[KEEP];
    private int next;
    private long total;

    ZipTail(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            keep((byte) b);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        for (int i = 0; i < n; i++) {
            keep(b[off + i]);
        }
        return n;
    }

    @Override
    public void close() {
        // The zip stream closes its source; the source here belongs to the caller (or to an enclosing archive).
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    /** Reads the rest of the data and fails unless it ends with a well-formed End Of Central Directory record. */
    void requireEnd(String what) throws IOException {
        byte[] buf = new byte[8192];
        while (read(buf, 0, buf.length) >= 0) {
            // drain: the central directory follows the last entry
        }
        byte[] tail = tail();
        for (int p = tail.length - 22; p >= 0; p--) {
            if (tail[p] == 'P' && tail[p + 1] == 'K' && tail[p + 2] == 5 && tail[p + 3] == 6) {
                int comment = (tail[p + 20] & 0xFF) | (tail[p + 21] & 0xFF) << 8;
                if (p + 22 + comment == tail.length) {
                    return;
                }
            }
        }
        throw new IOException("osv: " + what + " is truncated (no end of central directory after " + total
                + " bytes)");
    }

    private void keep(byte b) {
        ring[next] = b;
        next = (next + 1) % KEEP;
        total++;
    }

    private byte[] tail() {
        int n = (int) Math.min(total, KEEP);
        byte[] out = new byte[n];
        int start = (int) ((next - n + KEEP) % KEEP);
        for (int i = 0; i < n; i++) {
            out[i] = ring[(start + i) % KEEP];
        }
        return out;
    }
}
