package io.clair.core.layer;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Writes the spool on a thread of its own, so that writing the decompressed tar to disk overlaps with decompressing
 * and hashing (on two cores, zstd layers are fetched about a third faster). Buffers come from a small fixed pool:
 * each is held by the reader until the indexer has moved past it and by this writer until it is on disk, and goes
 * back to the pool when both let go. Memory stays at {@code POOL * size} per fetch.
 */
final class SpoolWriter implements AutoCloseable {
    private static final int POOL = 4;
    private static final Chunk END = new Chunk(new byte[0]);

    /** A pooled buffer and how much of it holds data. */
    static final class Chunk {
        final byte[] data;
        int length;
        private final AtomicInteger holds = new AtomicInteger();

        Chunk(byte[] data) {
            this.data = data;
        }
    }

    private final FileChannel out;
    private final BlockingQueue<Chunk> free = new ArrayBlockingQueue<>(POOL);
    private final BlockingQueue<Chunk> pending = new ArrayBlockingQueue<>(POOL + 1);
    private final Thread thread;
    private volatile IOException failure;

    SpoolWriter(FileChannel out, int bufferSize, String name) {
        this.out = out;
        for (int i = 0; i < POOL; i++) {
            free.add(new Chunk(new byte[bufferSize]));
        }
        thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** A free buffer for the reader to fill; the reader holds it until {@link #release}. */
    Chunk take() throws IOException {
        check();
        try {
            Chunk c = free.take();
            c.holds.set(2); // the reader's hold and the writer's
            return c;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("layer: interrupted while spooling");
        }
    }

    /** Queues the filled part of {@code c} for writing. */
    void write(Chunk c) throws IOException {
        check();
        put(c);
    }

    /** The reader is done with {@code c}. */
    void release(Chunk c) {
        if (c != null && c.holds.decrementAndGet() == 0) {
            free.add(c);
        }
    }

    /** Waits until everything queued is on disk; rethrows a write failure. */
    void finish() throws IOException {
        put(END);
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("layer: interrupted while spooling");
        }
        check();
    }

    /** Stops the writer without waiting for queued data (the spool is being thrown away). */
    @Override
    public void close() {
        if (thread.isAlive()) {
            pending.clear();
            pending.offer(END);
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void put(Chunk c) throws IOException {
        try {
            pending.put(c);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("layer: interrupted while spooling");
        }
    }

    private void check() throws IOException {
        IOException f = failure;
        if (f != null) {
            throw new IOException("layer: writing the spool file failed: " + f.getMessage(), f);
        }
    }

    private void run() {
        try {
            while (true) {
                Chunk c = pending.take();
                if (c == END) {
                    return;
                }
                try {
                    if (failure == null) {
                        ByteBuffer bb = ByteBuffer.wrap(c.data, 0, c.length);
                        while (bb.hasRemaining()) {
                            out.write(bb);
                        }
                    }
                } catch (IOException e) {
                    failure = e; // keep taking chunks so the reader never blocks on a full queue
                } finally {
                    release(c);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
