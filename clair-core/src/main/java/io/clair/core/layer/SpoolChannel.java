package io.clair.core.layer;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Read-only random access to one file's bytes inside the spool: position 0 is the file's first byte, {@link #size()}
 * its size. Like {@link SpoolInputStream}, each channel opens the spool on its own, so an interrupted reader closes
 * only its own channel.
 */
final class SpoolChannel implements SeekableByteChannel {
    private final FileChannel channel;
    private final long start;
    private final long size;
    private long pos;

    SpoolChannel(Path spool, long offset, long size) throws IOException {
        this.channel = FileChannel.open(spool, StandardOpenOption.READ);
        this.start = offset;
        this.size = size;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        ensureOpen();
        if (pos >= size) {
            return -1;
        }
        int want = (int) Math.min(dst.remaining(), size - pos);
        if (want == 0) {
            return 0;
        }
        int limit = dst.limit();
        int n;
        dst.limit(dst.position() + want);
        try {
            n = channel.read(dst, start + pos);
        } finally {
            dst.limit(limit);
        }
        if (n < 0) {
            throw new EOFException("layer: spool file shorter than its index");
        }
        pos += n;
        return n;
    }

    @Override
    public int write(ByteBuffer src) {
        throw new NonWritableChannelException();
    }

    @Override
    public long position() throws IOException {
        ensureOpen();
        return pos;
    }

    @Override
    public SeekableByteChannel position(long newPosition) throws IOException {
        if (newPosition < 0) {
            throw new IllegalArgumentException("negative position " + newPosition);
        }
        ensureOpen();
        pos = newPosition;
        return this;
    }

    @Override
    public long size() throws IOException {
        ensureOpen();
        return size;
    }

    @Override
    public SeekableByteChannel truncate(long newSize) {
        throw new NonWritableChannelException();
    }

    @Override
    public boolean isOpen() {
        return channel.isOpen();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    private void ensureOpen() throws ClosedChannelException {
        if (!channel.isOpen()) {
            throw new ClosedChannelException();
        }
    }
}
