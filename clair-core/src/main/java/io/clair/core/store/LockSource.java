package io.clair.core.store;

/**
 * Named mutual exclusion shared by every replica that uses the same store: manifest digests while indexing, layer
 * digests while fetching, updater names while updating. In Postgres these are advisory locks.
 */
public interface LockSource {

    /** Blocks until the lock on {@code key} is held; closing the handle releases it. */
    Held lock(String key);

    /** Takes the lock on {@code key} if nobody holds it; empty otherwise. */
    java.util.Optional<Held> tryLock(String key);

    /** A held lock. */
    interface Held extends AutoCloseable {
        @Override
        void close();
    }

    /** FNV-1a 64-bit hash of {@code key}, the advisory-lock key claircore uses for the same strings. */
    static long fnv1a64(String key) {
        long h = 0xcbf29ce484222325L;
        for (byte b : key.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            h ^= (b & 0xff);
            h *= 0x100000001b3L;
        }
        return h;
    }
}
