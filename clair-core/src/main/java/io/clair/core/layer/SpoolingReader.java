package io.clair.core.layer;

import io.clair.core.manifest.Digest;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * The decompressed tar as the indexer reads it. Every byte that comes out of the decompressor is written to the
 * spool file at once, in order, so the spool is the tar itself and an entry's content offset in the spool is simply
 * how far the indexer had read when it finished the entry's header. The indexer only looks at headers; content is
 * skipped here without copying it anywhere but the spool.
 *
 * <p>Enforces the decompressed-size limit and takes the spool's bytes from the temp budget as they are written.
 * The writing itself happens on the {@link SpoolWriter}'s thread.
 */
final class SpoolingReader {
    static final int BUFFER = 256 * 1024;

    private final InputStream in;
    private final SpoolWriter spool;
    private final Digest layer;
    private final String compression;
    private final long maxBytes;
    private final TempArea temp;
    private SpoolWriter.Chunk current;
    private byte[] buf = new byte[0];
    private int pos;
    private int limit;
    private long consumed;
    private long produced;
    private long reserved;
    private boolean eof;

    SpoolingReader(InputStream decompressed, SpoolWriter spool, Digest layer, String compression, long maxBytes,
                   TempArea temp) {
        this.in = decompressed;
        this.spool = spool;
        this.layer = layer;
        this.compression = compression;
        this.maxBytes = maxBytes;
        this.temp = temp;
    }

    /** Bytes handed to the indexer (read or skipped) so far: the spool offset of what comes next. */
    long position() {
        return consumed;
    }

    /** Decompressed bytes produced so far, including any not yet consumed. */
    long produced() {
        return produced;
    }

    /** Bytes taken from the temp budget for the spool; the layer gives them back when closed. */
    long reserved() {
        return reserved;
    }

    /**
     * Fills {@code b} completely. Returns false at a clean end of stream before the first byte; throws
     * {@link EOFException} when the stream ends part way.
     */
    boolean readFully(byte[] b) throws IOException {
        int n = 0;
        while (n < b.length) {
            if (pos == limit && !fill()) {
                if (n == 0) {
                    return false;
                }
                throw new EOFException("stream ends inside a 512-byte header");
            }
            int k = Math.min(b.length - n, limit - pos);
            System.arraycopy(buf, pos, b, n, k);
            pos += k;
            n += k;
            consumed += k;
        }
        return true;
    }

    /** Skips {@code n} bytes (they are already in the spool); returns how many were left missing at end of stream. */
    long skip(long n) throws IOException {
        long left = n;
        while (left > 0) {
            if (pos == limit && !fill()) {
                return left;
            }
            int k = (int) Math.min(left, limit - pos);
            pos += k;
            left -= k;
            consumed += k;
        }
        return 0;
    }

    /**
     * Reads whatever follows the end of the archive to the end of the stream without spooling it: the decompressor
     * must reach its end so its checksum is checked, and the padding still counts towards the size limit.
     */
    long drain() throws IOException {
        long before = produced;
        spool.release(current);
        current = null;
        buf = new byte[64 * 1024];
        pos = limit = 0;
        while (!eof) {
            int n = decompress(buf);
            if (n < 0) {
                eof = true;
            } else {
                account(n);
            }
        }
        return produced - before;
    }

    /** Waits for the spool file to be complete. */
    void finish() throws IOException {
        spool.release(current);
        current = null;
        spool.finish();
    }

    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        spool.release(current);
        current = null;
        pos = limit = 0;
        SpoolWriter.Chunk c = spool.take();
        // fill the whole buffer: fewer, larger writes, and fewer trips through here
        int n = 0;
        while (n < c.data.length) {
            int k = decompress(c.data, n);
            if (k < 0) {
                eof = true;
                break;
            }
            n += k;
        }
        if (n == 0) {
            spool.release(c);
            spool.release(c); // never queued: drop the writer's hold too
            return false;
        }
        account(n);
        temp.reserve(layer, n);
        reserved += n;
        c.length = n;
        spool.write(c);
        current = c;
        buf = c.data;
        limit = n;
        return true;
    }

    private int decompress(byte[] into) throws IOException {
        return decompress(into, 0);
    }

    private int decompress(byte[] into, int off) throws IOException {
        try {
            return in.read(into, off, into.length - off);
        } catch (TransportException | LayerException e) {
            throw e;
        } catch (IOException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            String what = compression.equals("none") ? "stream" : compression + " stream";
            throw new LayerException(layer, "truncated or corrupt " + what + " after " + (produced + off)
                    + " decompressed bytes: " + why, e);
        }
    }

    private void account(int n) throws LayerException {
        produced += n;
        if (produced > maxBytes) {
            throw new LayerException(layer, "decompressed size passes the limit of " + maxBytes
                    + " bytes (maxDecompressedBytes): a decompression bomb, or a layer too large to scan");
        }
    }
}
