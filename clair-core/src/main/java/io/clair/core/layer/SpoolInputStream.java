package io.clair.core.layer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One file's bytes inside the spool, read with positional reads. Each stream has its own channel: a
 * {@link FileChannel} closes itself when a reading thread is interrupted, and one cancelled scanner must not close
 * the spool under every other scanner reading the same layer.
 */
final class SpoolInputStream extends InputStream {
    private final FileChannel channel;
    private final long end;
    private long pos;
    private long mark;

    SpoolInputStream(Path spool, long offset, long size) throws IOException {
        this.channel = FileChannel.open(spool, StandardOpenOption.READ);
        this.pos = offset;
        this.mark = offset;
        this.end = offset + size;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (pos >= end) {
            return -1;
        }
        int want = (int) Math.min(len, end - pos);
        int n = channel.read(ByteBuffer.wrap(b, off, want), pos);
        if (n < 0) {
            throw new java.io.EOFException("layer: spool file shorter than its index");
        }
        pos += n;
        return n;
    }

    @Override
    public long skip(long n) {
        long k = Math.max(0, Math.min(n, end - pos));
        pos += k;
        return k;
    }

    @Override
    public int available() {
        return (int) Math.min(Integer.MAX_VALUE, end - pos);
    }

    @Override
    public boolean markSupported() {
        return true;
    }

    @Override
    public synchronized void mark(int readlimit) {
        mark = pos;
    }

    @Override
    public synchronized void reset() {
        pos = mark;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
