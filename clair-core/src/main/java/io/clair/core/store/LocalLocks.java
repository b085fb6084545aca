package io.clair.core.store;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * In-process named locks. Entries exist only while held or awaited, so any number of distinct keys costs nothing
 * once released. Used alone by the in-memory stores and in front of Postgres advisory locks, so that threads of one
 * process queue locally instead of each holding a database connection while waiting.
 */
public final class LocalLocks implements LockSource {
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    private static final class Entry {
        final ReentrantLock lock = new ReentrantLock();
        int users;
    }

    @Override
    public Held lock(String key) {
        Entry e = acquireEntry(key);
        e.lock.lock();
        return () -> release(key, e);
    }

    @Override
    public Optional<Held> tryLock(String key) {
        Entry e = acquireEntry(key);
        if (e.lock.tryLock()) {
            return Optional.of(() -> release(key, e));
        }
        releaseEntry(key, e);
        return Optional.empty();
    }

    private Entry acquireEntry(String key) {
        return entries.compute(key, (k, e) -> {
            Entry x = e == null ? new Entry() : e;
            x.users++;
            return x;
        });
    }

    private void release(String key, Entry e) {
        e.lock.unlock();
        releaseEntry(key, e);
    }

    private void releaseEntry(String key, Entry e) {
        entries.compute(key, (k, cur) -> {
            if (cur == null) {
                return null;
            }
            cur.users--;
            return cur.users == 0 ? null : cur;
        });
    }
}
