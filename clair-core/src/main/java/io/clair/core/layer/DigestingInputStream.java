package io.clair.core.layer;

import io.clair.core.manifest.Digest;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The raw (compressed) blob as it arrives: hashes every byte for the digest check, counts them and reports
 * progress. Read by {@link ReadAheadInputStream}'s thread, so hashing runs beside decompression, not before it.
 */
final class DigestingInputStream extends FilterInputStream {
    private static final Logger LOG = LoggerFactory.getLogger(DigestingInputStream.class);
    private static final long PROGRESS_STEP = 1 << 20;

    private final Digest layer;
    private final MessageDigest md;
    private final LayerListener listener;
    private final long total;
    private long count;
    private long nextReport = PROGRESS_STEP;

    DigestingInputStream(InputStream in, Digest layer, LayerListener listener, long total) {
        super(in);
        this.layer = layer;
        this.md = layer.newMessageDigest();
        this.listener = listener;
        this.total = total;
    }

    @Override
    public int read() throws IOException {
        int b = transport(() -> in.read());
        if (b >= 0) {
            md.update((byte) b);
            advance(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = transport(() -> in.read(b, off, len));
        if (n > 0) {
            md.update(b, off, n);
            advance(n);
        }
        return n;
    }

    /** Skipping would leave bytes unhashed, so it reads. */
    @Override
    public long skip(long n) throws IOException {
        byte[] buf = new byte[(int) Math.min(n, 8192)];
        long done = 0;
        while (done < n) {
            int k = read(buf, 0, (int) Math.min(buf.length, n - done));
            if (k < 0) {
                break;
            }
            done += k;
        }
        return done;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    long count() {
        return count;
    }

    /** The digest of everything read so far; call once, after the stream was read to its end. */
    Digest computed() {
        return new Digest(layer.algorithm(), HexFormat.of().formatHex(md.digest()));
    }

    /** Reports the final count, whatever step it stopped at. */
    void reportEnd() {
        report();
    }

    private interface Read {
        int read() throws IOException;
    }

    /** Marks failures of the network or file below, so they are not reported as corrupt compressed data. */
    private int transport(Read r) throws IOException {
        try {
            return r.read();
        } catch (TransportException e) {
            throw e;
        } catch (IOException e) {
            throw new TransportException("reading the blob failed after " + count + " bytes: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        }
    }

    private void advance(int n) {
        count += n;
        if (count >= nextReport) {
            nextReport = count + PROGRESS_STEP;
            report();
        }
    }

    private void report() {
        try {
            listener.progress(layer, count, total);
        } catch (RuntimeException e) {
            LOG.atWarn().addKeyValue("layer", layer).addKeyValue("error", e.toString())
                    .log("layer: progress listener failed");
        }
    }
}
