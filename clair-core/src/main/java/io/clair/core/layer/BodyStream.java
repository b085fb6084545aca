package io.clair.core.layer;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * An HTTP response body as a blocking stream with a stall timeout. The JDK's own {@code ofInputStream} body waits
 * forever on a silent server and cannot be woken by {@code close()}, so a stuck registry would hang an indexer
 * thread; this one gives up after {@code idleTimeout} without data. It asks for a few chunks ahead only, so memory
 * stays bounded however fast the network is.
 */
final class BodyStream extends InputStream implements Flow.Subscriber<List<ByteBuffer>> {
    private static final int PREFETCH = 8;
    private static final Object END = new Object();

    private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final long idleNanos;
    private volatile Flow.Subscription subscription;
    private Iterator<ByteBuffer> chunk = List.<ByteBuffer>of().iterator();
    private ByteBuffer current;
    private boolean finished;
    private boolean closed;
    private IOException failure;

    BodyStream(Duration idleTimeout) {
        this.idleNanos = idleTimeout.toNanos();
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        s.request(PREFETCH);
    }

    @Override
    public void onNext(List<ByteBuffer> item) {
        queue.add(item);
    }

    @Override
    public void onError(Throwable t) {
        queue.add(t);
    }

    @Override
    public void onComplete() {
        queue.add(END);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (!ensureData()) {
            return -1;
        }
        int n = 0;
        // copy from every buffer already received, without blocking for more
        while (n < len) {
            int k = Math.min(len - n, current.remaining());
            current.get(b, off + n, k);
            n += k;
            if (!current.hasRemaining() && !nextLocal()) {
                break;
            }
        }
        return n;
    }

    @Override
    public int available() {
        return current == null ? 0 : current.remaining();
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            Flow.Subscription s = subscription;
            if (s != null && !finished) {
                s.cancel(); // aborts the exchange instead of downloading the rest
            }
            queue.clear();
        }
    }

    private boolean ensureData() throws IOException {
        if (closed) {
            throw new IOException("layer: response body closed");
        }
        if (failure != null) {
            throw failure;
        }
        while (current == null || !current.hasRemaining()) {
            if (nextLocal()) {
                return true;
            }
            if (finished) {
                return false;
            }
            Object item;
            try {
                item = queue.poll(idleNanos, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("layer: interrupted while reading the response body");
            }
            if (item == null) {
                throw new HttpTimeoutException("no data for " + Duration.ofNanos(idleNanos).toSeconds()
                        + " s while reading the response body");
            }
            if (item == END) {
                finished = true;
                return false;
            }
            if (item instanceof Throwable t) {
                finished = true;
                failure = t instanceof IOException io ? io : new IOException(t.toString(), t);
                throw failure;
            }
            @SuppressWarnings("unchecked")
            List<ByteBuffer> list = (List<ByteBuffer>) item;
            chunk = list.iterator();
            subscription.request(1);
        }
        return true;
    }

    /** Moves to the next non-empty buffer already received, if any. */
    private boolean nextLocal() {
        while (chunk.hasNext()) {
            current = chunk.next();
            if (current.hasRemaining()) {
                return true;
            }
        }
        current = null;
        return false;
    }
}
