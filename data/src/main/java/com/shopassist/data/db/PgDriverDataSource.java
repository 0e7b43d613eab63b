package com.shopassist.data.db;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Connections straight from the PostgreSQL driver, for the pool. The first one can be made before
 * the pool exists ({@link #connect()}, so a wrong password or a server that is down fails at once
 * with its own SQLState) and is then handed to the pool as its first connection.
 */
final class PgDriverDataSource implements DataSource {

    /** Seconds to wait for the TCP connection (a host that drops packets) and for the whole login. */
    static final int CONNECT_TIMEOUT_SECONDS = 5;

    /**
     * Seconds a read may wait for the server: a half-open connection (a dropped network path, a
     * server that vanished) fails the statement instead of hanging a shopper's turn for the
     * operating system's TCP timeout (hours). Above the 30 s statement timeout, so a slow statement
     * is cancelled by the server and reported as such before this fires.
     */
    static final int SOCKET_TIMEOUT_SECONDS = 45;

    /**
     * What the server itself enforces on a pooled connection, whatever sends the statement (a
     * mapper already has MyBatis' 30 s; direct JDBC has none): a statement runs at most 30 s, waits
     * for a row lock at most 15 s (a kiosk that dies holding a product's row cannot stall every
     * other kiosk's reservations), and a transaction left open and idle for a minute (a frozen
     * kiosk) is ended by the server, releasing its locks. Sent at connection start (no extra round
     * trip); a URL's own {@code options} parameter replaces these.
     */
    static final String SERVER_TIMEOUTS =
            "-c statement_timeout=30s -c lock_timeout=15s -c idle_in_transaction_session_timeout=60s";

    private final Driver driver = new org.postgresql.Driver();
    private final String url;
    private final Properties properties = new Properties();
    private final AtomicReference<Connection> first = new AtomicReference<>();
    private volatile int loginTimeoutSeconds = CONNECT_TIMEOUT_SECONDS + 1;

    PgDriverDataSource(DbSettings settings) {
        this(settings, SOCKET_TIMEOUT_SECONDS);
    }

    /**
     * {@code socketTimeoutSeconds} 0: reads wait as long as the server works (migrations, bulk
     * loads), and the server's statement, lock and idle-transaction timeouts are left unset too.
     */
    PgDriverDataSource(DbSettings settings, int socketTimeoutSeconds) {
        this(settings, socketTimeoutSeconds, socketTimeoutSeconds > 0 ? SERVER_TIMEOUTS : null);
    }

    /**
     * Connections whose reads wait at most {@code readTimeout} for the server, and whose server
     * cancels a statement a little before that (so a slow statement is reported as slow, not as a
     * lost connection): for a pool that has somewhere else to go when its server hangs (a read
     * replica, decision 0086). Lock and idle-transaction timeouts as {@link #SERVER_TIMEOUTS}.
     */
    static PgDriverDataSource withReadTimeout(DbSettings settings, Duration readTimeout) {
        int seconds = (int) Math.max(1, (readTimeout.toMillis() + 999) / 1000);
        long statementMillis = Math.max(500, seconds * 1000L - 500);
        return new PgDriverDataSource(
                settings,
                seconds,
                "-c statement_timeout=" + statementMillis
                        + "ms -c lock_timeout=15s -c idle_in_transaction_session_timeout=60s");
    }

    private PgDriverDataSource(DbSettings settings, int socketTimeoutSeconds, String serverTimeouts) {
        this.url = settings.jdbcUrl();
        if (settings.user() != null) properties.setProperty("user", settings.user());
        if (settings.password() != null) properties.setProperty("password", settings.password());
        // defaults only: parameters in the URL win (the driver reads the URL over these)
        properties.setProperty("ApplicationName", "ShopAssist");
        properties.setProperty("reWriteBatchedInserts", "true");
        properties.setProperty("connectTimeout", String.valueOf(CONNECT_TIMEOUT_SECONDS));
        properties.setProperty("socketTimeout", String.valueOf(socketTimeoutSeconds));
        if (serverTimeouts != null) properties.setProperty("options", serverTimeouts);
        // the OS notices a dead peer on an idle connection (the pool's keepalive pings it as well)
        properties.setProperty("tcpKeepAlive", "true");
    }

    /** A new connection, never the offered one. */
    Connection connect() throws SQLException {
        Properties p = new Properties();
        p.putAll(properties);
        p.setProperty("loginTimeout", String.valueOf(loginTimeoutSeconds));
        Connection c = driver.connect(url, p);
        if (c == null) throw new SQLException("Not a PostgreSQL JDBC URL: " + url, "08001");
        return c;
    }

    /** The next {@link #getConnection()} returns {@code connection} instead of opening one. */
    void offerFirst(Connection connection) {
        first.set(connection);
    }

    /** Closes the offered connection if the pool never took it (the pool failed to start). */
    void closeUnused() {
        Connection c = first.getAndSet(null);
        if (c == null) return;
        try {
            c.close();
        } catch (SQLException ignored) {
            // it is being thrown away
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection offered = first.getAndSet(null);
        return offered != null ? offered : connect();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("the user comes from the settings");
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // the driver logs through java.util.logging
    }

    @Override
    public void setLoginTimeout(int seconds) {
        if (seconds > 0) loginTimeoutSeconds = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeoutSeconds;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) return type.cast(this);
        throw new SQLException("not a wrapper of " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}
