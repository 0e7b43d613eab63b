package com.shopassist.data.upkeep;

import com.shopassist.core.common.DataUnavailableException;
import com.shopassist.core.upkeep.UpkeepLock;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link UpkeepLock} as a PostgreSQL session-level advisory lock, taken with
 * {@code pg_try_advisory_lock} (never waits) on a connection of its own that stays checked out
 * while the work runs on others. The server gives the lock back when that connection ends, so a
 * kiosk that dies mid-run never keeps it; a connection whose unlock failed is evicted from the
 * pool rather than handed back still holding it.
 */
public final class PgUpkeepLock implements UpkeepLock {

    /** The store's upkeep lock: one number, the same in every kiosk ("SA upkeep"). */
    public static final long KEY = 0x5341_5550_4B45_4550L;

    private static final Logger LOG = LoggerFactory.getLogger(PgUpkeepLock.class);

    private final DataSource dataSource;
    private final long key;

    public PgUpkeepLock(DataSource dataSource) {
        this(dataSource, KEY);
    }

    PgUpkeepLock(DataSource dataSource, long key) {
        this.dataSource = dataSource;
        this.key = key;
    }

    @Override
    public <T> Optional<T> tryExclusively(Supplier<T> work) {
        Connection c;
        try {
            c = dataSource.getConnection();
        } catch (SQLException e) {
            throw new DataUnavailableException("the database cannot be reached for upkeep: " + e.getMessage(), e);
        }
        try {
            if (!call(c, "SELECT pg_try_advisory_lock(?)")) return Optional.empty();
            try {
                return Optional.ofNullable(work.get());
            } finally {
                unlock(c);
            }
        } catch (SQLException e) {
            throw new DataUnavailableException("the upkeep lock could not be taken: " + e.getMessage(), e);
        } finally {
            close(c);
        }
    }

    private void unlock(Connection c) {
        try {
            if (!call(c, "SELECT pg_advisory_unlock(?)"))
                LOG.warn("the upkeep lock was not held when it was given back");
        } catch (SQLException e) {
            LOG.warn("the upkeep lock could not be given back; its connection is dropped instead: {}", e.toString());
            evict(c);
        }
    }

    /** The database's data source wraps the pool (it presents sessions): the pool is found by unwrapping. */
    private void evict(Connection c) {
        try {
            // without a pool, closing it (as every run does) ends the connection and the lock with it
            if (dataSource.isWrapperFor(HikariDataSource.class))
                dataSource.unwrap(HikariDataSource.class).evictConnection(c);
        } catch (SQLException | RuntimeException e) {
            LOG.warn("the upkeep lock's connection could not be dropped: {}", e.toString());
        }
    }

    private boolean call(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private static void close(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            LOG.debug("closing the upkeep lock's connection failed", e);
        }
    }
}
