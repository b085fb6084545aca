package io.clair.core.layer;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Reads the raw blob on a thread of its own, a few buffers ahead of the decompressor. Whatever the source does on
 * its way (copying out of the HTTP client, hashing in {@link DigestingInputStream}, reading a file) then overlaps
 * with decompression instead of adding to it. Memory is {@code BUFFERS * BUFFER} per fetch.
 *
 * <p>The source must only be touched by this stream's thread until {@link #drain()} or {@link #close()} returned.
 */
final class ReadAheadInputStream extends InputStream {
    private static final int BUFFER = 128 * 1024;
    private static final int BUFFERS = 4;
    private static final Object EOF = new Object();

    private record Chunk(byte[] data, int length) {
    }

    private final InputStream source;
    private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(BUFFERS);
    private final BlockingQueue<Object> filled = new ArrayBlockingQueue<>(BUFFERS + 1);
    private final Thread thread;
    private Chunk current;
    private int pos;
    private boolean eof;

    ReadAheadInputStream(InputStream source, String name) {
        this.source = source;
        for (int i = 0; i < BUFFERS; i++) {
            free.add(new byte[BUFFER]);
        }
        thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
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
        if (!ensure()) {
            return -1;
        }
        int k = Math.min(len, current.length() - pos);
        System.arraycopy(current.data(), pos, b, off, k);
        pos += k;
        return k;
    }

    @Override
    public int available() {
        return current == null ? 0 : current.length() - pos;
    }

    /** Reads the source to its end (discarding it) and waits for the reading thread to finish. */
    long drain() throws IOException {
        long n = 0;
        while (ensure()) {
            n += current.length() - pos;
            pos = current.length();
        }
        join();
        return n;
    }

    /** Stops reading (a failed fetch): interrupts the thread, which also ends a stalled HTTP read at once. */
    @Override
    public void close() {
        thread.interrupt();
        join();
    }

    private boolean ensure() throws IOException {
        while (current == null || pos == current.length()) {
            if (eof) {
                return false;
            }
            if (current != null) {
                free.add(current.data());
                current = null;
            }
            Object item;
            try {
                item = filled.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("layer: interrupted while reading the blob");
            }
            if (item == EOF) {
                eof = true;
                return false;
            }
            if (item instanceof IOException e) {
                eof = true;
                throw e;
            }
            current = (Chunk) item;
            pos = 0;
        }
        return true;
    }

    private void join() {
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        try {
            while (true) {
                byte[] buf = free.take();
                int n = 0;
                // fill the buffer: one hand-over per 128 KiB, however small the source's reads
                while (n < buf.length) {
                    int k = source.read(buf, n, buf.length - n);
                    if (k < 0) {
                        break;
                    }
                    n += k;
                }
                if (n > 0) {
                    filled.put(new Chunk(buf, n));
                }
                if (n < buf.length) {
                    filled.put(EOF);
                    return;
                }
            }
        } catch (IOException e) {
            filled.offer(e);
        } catch (InterruptedException e) {
            // closed by the fetch: nobody reads any more
        }
    }
}
