package com.shopassist.data.db;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.postgresql.PGConnection;

/**
 * The pool, handing out connections that carry the session {@link PresentedSessions} says this
 * thread presents. A connection keeps its setting between loans, so the setting is sent (one
 * round trip) only when a connection is lent for another session than its last loan's: a kiosk
 * that serves one shopper at a time pays it about once per connection per shopper.
 */
final class SessionDataSource implements DataSource {

    /** What a connection carries when a setting was sent inside a transaction that may still roll back. */
    private static final String UNKNOWN = "\u0000unknown";

    private final DataSource pool;
    private final PresentedSessions sessions;
    // keyed by the driver's physical connection (identity), which outlives the pool's proxies
    private final Map<Object, String> carried = Collections.synchronizedMap(new WeakHashMap<>());

    SessionDataSource(DataSource pool, PresentedSessions sessions) {
        this.pool = pool;
        this.sessions = sessions;
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection c = pool.getConnection();
        try {
            carry(c, sessions.current());
            return c;
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    private void carry(Connection c, String token) throws SQLException {
        Object physical = c.unwrap(PGConnection.class);
        String had = carried.get(physical);
        if (token.equals(had == null ? PresentedSessions.NONE : had)) return;
        // session scope (is_local false): the pool lends connections in autocommit mode, so the
        // setting is committed at once and no later rollback takes it back
        boolean autoCommit = c.getAutoCommit();
        try (PreparedStatement ps = c.prepareStatement("select set_config('shopassist.session_token', ?, false)")) {
            ps.setString(1, token);
            ps.execute();
        }
        carried.put(physical, autoCommit ? token : UNKNOWN);
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("the user comes from the settings");
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return pool.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        pool.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        pool.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return pool.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return pool.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) return type.cast(this);
        return pool.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || pool.isWrapperFor(type);
    }
}
