package io.clair.core.ecosystem.rpm.rpmdb;

import io.clair.core.scan.ScanException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Positional, read-only access to a database file for the hand-written readers. A read past the end of the file is
 * a {@link ScanException} (a truncated database), never a short buffer.
 */
final class DbFile implements AutoCloseable {
    private final FileChannel ch;
    private final long size;
    private final String prefix;

    /**
     * @param file   the file on local disk
     * @param format short format name for messages ({@code bdb}, {@code ndb})
     * @param name   the layer path of the file, for messages
     */
    DbFile(Path file, String format, String name) throws IOException {
        this.ch = FileChannel.open(file, StandardOpenOption.READ);
        this.size = ch.size();
        this.prefix = "rpm: " + format + ": " + name + ": ";
    }

    long size() {
        return size;
    }

    /** Fills {@code dst[off, off+len)} from file position {@code pos}. */
    void read(long pos, byte[] dst, int off, int len) throws IOException {
        if (pos < 0 || pos + len > size) {
            throw corrupt("truncated: need bytes " + pos + ".." + (pos + len) + " of a " + size + "-byte file");
        }
        ByteBuffer buf = ByteBuffer.wrap(dst, off, len);
        long at = pos;
        while (buf.hasRemaining()) {
            int n = ch.read(buf, at);
            if (n < 0) {
                throw corrupt("truncated while reading at " + at);
            }
            at += n;
        }
    }

    /** A {@link ScanException} whose message names the format and the file. */
    ScanException corrupt(String msg) {
        return new ScanException(prefix + msg);
    }

    @Override
    public void close() throws IOException {
        ch.close();
    }
}
