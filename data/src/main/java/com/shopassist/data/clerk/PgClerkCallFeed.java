package com.shopassist.data.clerk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.shopassist.core.clerk.ClerkCallEvent;
import com.shopassist.core.clerk.ClerkCallFeed;
import com.shopassist.data.db.Database;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ClerkCallFeed} as PostgreSQL LISTEN on a connection of its own (never a pool's: a pooled
 * connection would be handed to others and stop listening). pgjdbc's
 * {@code getNotifications(timeout)} waits for the next notification; when the connection breaks
 * (the database restarted, the network went away) the feed reconnects with a growing pause, and
 * says {@link ClerkCallEvent.Kind#RESYNC} once it listens again, since calls made meanwhile were
 * announced to no one. A quiet connection is checked every {@link #HEALTH_CHECK} so a half-open
 * one is noticed.
 */
public final class PgClerkCallFeed implements ClerkCallFeed {

    public static final String CHANNEL = "shopassist_clerk_call";
    static final Duration POLL = Duration.ofMillis(500);
    static final Duration HEALTH_CHECK = Duration.ofSeconds(20);
    static final Duration MAX_PAUSE = Duration.ofSeconds(15);

    private static final Logger LOG = LoggerFactory.getLogger(PgClerkCallFeed.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Database db;
    private final Duration firstPause;

    public PgClerkCallFeed(Database db) {
        this(db, Duration.ofSeconds(1));
    }

    PgClerkCallFeed(Database db, Duration firstPause) {
        this.db = Objects.requireNonNull(db, "db");
        this.firstPause = firstPause;
    }

    @Override
    public AutoCloseable listen(Consumer<ClerkCallEvent> listener) {
        Listening l = new Listening(Objects.requireNonNull(listener, "listener"));
        l.thread.start();
        return l;
    }

    private final class Listening implements AutoCloseable {
        private final Consumer<ClerkCallEvent> listener;
        private final Thread thread;
        private volatile boolean closed;
        private volatile Connection connection;

        Listening(Consumer<ClerkCallEvent> listener) {
            this.listener = listener;
            this.thread = new Thread(this::run, "shopassist-clerk-calls");
            this.thread.setDaemon(true);
        }

        private void run() {
            Duration pause = firstPause;
            boolean connectedBefore = false;
            while (!closed) {
                try (Connection c = db.openDedicated()) {
                    connection = c;
                    try (Statement st = c.createStatement()) {
                        st.execute("LISTEN " + CHANNEL);
                    }
                    if (connectedBefore) LOG.info("clerk calls: listening again");
                    // whatever was announced before this LISTEN was heard by no one here
                    deliver(new ClerkCallEvent(ClerkCallEvent.Kind.RESYNC, 0, null));
                    connectedBefore = true;
                    pause = firstPause;
                    listenOn(c);
                } catch (SQLException | RuntimeException e) {
                    if (closed) return;
                    LOG.warn("clerk calls: not listening ({}); trying again in {} s", oneLine(e), pause.toSeconds());
                    sleep(pause);
                    pause = pause.multipliedBy(2).compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause.multipliedBy(2);
                } finally {
                    connection = null;
                }
            }
        }

        private void listenOn(Connection c) throws SQLException {
            PGConnection pg = c.unwrap(PGConnection.class);
            long quietSince = System.nanoTime();
            while (!closed) {
                PGNotification[] got = pg.getNotifications((int) POLL.toMillis());
                if (got != null && got.length > 0) {
                    quietSince = System.nanoTime();
                    for (PGNotification n : got) {
                        ClerkCallEvent e = parse(n.getParameter());
                        if (e != null) deliver(e);
                    }
                } else if (System.nanoTime() - quietSince > HEALTH_CHECK.toNanos()) {
                    try (Statement st = c.createStatement()) {
                        st.execute("SELECT 'shopassist_clerk_call listener'");
                    }
                    quietSince = System.nanoTime();
                }
            }
        }

        private void deliver(ClerkCallEvent e) {
            if (closed) return;
            try {
                listener.accept(e);
            } catch (RuntimeException ex) {
                LOG.warn("clerk calls: a listener failed on {}: {}", e, ex.toString());
            }
        }

        private void sleep(Duration d) {
            try {
                Thread.sleep(d.toMillis());
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                closed = true;
            }
        }

        @Override
        public void close() {
            closed = true;
            thread.interrupt();
            Connection c = connection;
            if (c != null) {
                try {
                    c.close();
                } catch (SQLException ignored) {
                    // the thread ends either way
                }
            }
            try {
                thread.join(2_000);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** {"event": "CALLED", "id": 7, "kiosk": "Kiosk 3"}; null (and a log line) for anything else. */
    static ClerkCallEvent parse(String payload) {
        try {
            JsonNode n = JSON.readTree(payload);
            return new ClerkCallEvent(
                    ClerkCallEvent.Kind.valueOf(n.get("event").asText()),
                    n.get("id").asLong(),
                    n.get("kiosk").asText());
        } catch (Exception e) {
            LOG.warn("clerk calls: a notification that is not a call: {}", oneLine(e));
            return null;
        }
    }

    private static String oneLine(Throwable e) {
        String msg = e.getMessage();
        return msg == null || msg.isBlank()
                ? e.getClass().getSimpleName()
                : msg.lines().findFirst().orElse(msg);
    }
}
