package io.clair.core.store.jdbc;

import io.clair.core.store.LocalLocks;
import io.clair.core.store.LockSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Postgres session advisory locks, keyed by the FNV-1a hash of the name as claircore does, so that replicas share
 * the work. A held lock keeps one pooled connection; threads of this process first queue on a local lock so that
 * waiting never ties up connections.
 */
public final class PgLockSource implements LockSource {
    private final DataSource dataSource;
    private final LocalLocks local = new LocalLocks();

    public PgLockSource(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Held lock(String key) {
        Held localHeld = local.lock(key);
        try {
            Connection c = dataSource.getConnection();
            try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_lock(?)")) {
                ps.setLong(1, LockSource.fnv1a64(key));
                ps.execute();
            } catch (SQLException e) {
                c.close();
                throw e;
            }
            return release(c, key, localHeld);
        } catch (SQLException e) {
            localHeld.close();
            throw new StoreException("lock " + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<Held> tryLock(String key) {
        Optional<Held> localHeld = local.tryLock(key);
        if (localHeld.isEmpty()) {
            return Optional.empty();
        }
        try {
            Connection c = dataSource.getConnection();
            boolean got;
            try (PreparedStatement ps = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                ps.setLong(1, LockSource.fnv1a64(key));
                try (ResultSet rs = ps.executeQuery()) {
                    got = rs.next() && rs.getBoolean(1);
                }
            } catch (SQLException e) {
                c.close();
                throw e;
            }
            if (!got) {
                c.close();
                localHeld.get().close();
                return Optional.empty();
            }
            return Optional.of(release(c, key, localHeld.get()));
        } catch (SQLException e) {
            localHeld.get().close();
            throw new StoreException("lock " + key + ": " + e.getMessage(), e);
        }
    }

    private static Held release(Connection c, String key, Held localHeld) {
        return () -> {
            try (c; PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                ps.setLong(1, LockSource.fnv1a64(key));
                ps.execute();
            } catch (SQLException e) {
                // closing the session releases the lock anyway
            } finally {
                localHeld.close();
            }
        };
    }
}
