package com.shopassist.data.testing;

import com.shopassist.data.db.Database;
import com.shopassist.data.db.DbSettings;
import com.shopassist.data.db.EmbeddedDatabase;
import com.shopassist.data.seed.Seeder;
import java.nio.file.Path;
import java.time.Clock;

/**
 * A store database on a PostgreSQL server of its own, for fault tests: {@link #stop()} shuts the
 * real server down (its connections are cut), {@link #start()} brings it back on the same port
 * with the same data. Optionally behind a {@link TcpProxy}, whose {@link TcpProxy#cut()} drops the
 * network silently instead.
 */
public final class StoppableStore implements AutoCloseable {

    private final Path folder;
    private EmbeddedDatabase server;
    // the server comes back on the same port with the same password: a kiosk configured while it
    // is stopped is configured as it would be while it runs
    private DbSettings lastDirect;
    private final TcpProxy proxy;

    private StoppableStore(Path folder, boolean behindProxy) {
        this.folder = folder;
        this.server = EmbeddedDatabase.start(folder);
        this.lastDirect = server.settings();
        this.proxy = behindProxy ? TcpProxy.to(server.settings()) : null;
    }

    /** A new server in {@code folder}, migrated and seeded with {@code products} products. */
    public static StoppableStore seeded(Path folder, int products, boolean behindProxy) {
        StoppableStore s = new StoppableStore(folder, behindProxy);
        try (Database owner = Database.open(s.server.settings(), 2)) {
            owner.migrate();
            if (products > 0) new Seeder(owner, Clock.systemUTC()).seed(products);
        }
        return s;
    }

    /**
     * The server in {@code folder} that an earlier one left there (a copy of another's folder,
     * say), started as it is: nothing is migrated or written.
     */
    public static StoppableStore existing(Path folder) {
        return new StoppableStore(folder, false);
    }

    /** How the kiosk reaches it (while it runs or not): through the proxy when there is one. */
    public synchronized DbSettings settings() {
        DbSettings direct = directSettings();
        if (proxy == null) return direct;
        return new DbSettings(
                direct.jdbcUrl().replace(":" + port(direct) + "/", ":" + proxy.port() + "/"),
                direct.user(),
                direct.password(),
                direct.source());
    }

    /** Straight to the server, never through the proxy (for the test's own checks and writes). */
    public synchronized DbSettings directSettings() {
        return server == null ? lastDirect : server.settings();
    }

    public TcpProxy proxy() {
        return proxy;
    }

    public synchronized void stop() {
        if (server != null) server.close();
        server = null;
    }

    /**
     * Starts the server again on its port. Another process on this machine may have taken the port
     * while it was stopped: then the kiosk's settings (and the proxy) point nowhere, and this says
     * so rather than leaving a test to wait for a server that is elsewhere.
     */
    public synchronized void start() {
        if (server == null) {
            server = EmbeddedDatabase.start(folder);
            if (port(server.settings()) != port(lastDirect)) {
                int was = port(lastDirect);
                stop();
                throw new IllegalStateException("the store server's port " + was
                        + " was taken by another process while it was stopped; it cannot come back there");
            }
            lastDirect = server.settings();
        }
    }

    @Override
    public synchronized void close() {
        if (proxy != null) proxy.close();
        stop();
    }

    private static int port(DbSettings s) {
        String url = s.jdbcUrl();
        int colon = url.lastIndexOf(':');
        return Integer.parseInt(url.substring(colon + 1, url.indexOf('/', colon)));
    }
}
