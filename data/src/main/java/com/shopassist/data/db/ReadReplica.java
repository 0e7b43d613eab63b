package com.shopassist.data.db;

import com.shopassist.core.common.ShopException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A read replica of the store database (decision 0086): a PostgreSQL streaming standby, such as a
 * Cloud SQL read replica, that answers the catalog's reads (search, product details, categories,
 * brands, product vectors) so the primary keeps its CPU for stock, holds, carts and checkout.
 *
 * <p>It is used only while it is known to be fresh. A probe, every {@code probeEvery} on
 * connections of its own to both servers, reads the primary's WAL insert position and then asks
 * the replica whether it has replayed up to it: if so, the replica holds everything the primary had
 * committed when the probe began. A read goes to the replica only while the last such moment is at
 * most {@code maxLag} ago and later than the replica's last failure; a replica that lags, whose
 * replay is paused, that is down, or whose probe stalls, ages past it and the primary answers
 * instead, by itself. A read the replica fails (a lost connection, a timeout) is answered by the
 * primary at once, and the replica is skipped for at least {@code skipFor} and until a probe begun
 * after the failure finds it fresh again. A replica that hangs holds a read at most {@code
 * readTimeout}. The shopper never sees the replica's failure.
 *
 * <p>Nothing is connected at construction: the replica's pool opens on the probe's thread, and
 * reads go to the primary until the first probe finds the replica fresh.
 */
public final class ReadReplica implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReadReplica.class);

    /**
     * How a replica is used: the lag it may have, how often it is probed, how long a failed one is
     * skipped, its pool, and how long a read waits for it (whole seconds; its server cancels a
     * statement half a second before) before the primary answers instead.
     */
    public record Settings(Duration maxLag, Duration probeEvery, Duration skipFor, int poolSize, Duration readTimeout) {
        /** A replica read waits at most 2 s for a server that hangs. */
        public static final Duration READ_TIMEOUT = Duration.ofSeconds(2);

        public Settings {
            requirePositive(maxLag, "maxLag");
            requirePositive(probeEvery, "probeEvery");
            requirePositive(skipFor, "skipFor");
            requirePositive(readTimeout, "readTimeout");
            if (poolSize < 1) throw new IllegalArgumentException("poolSize must be at least 1");
        }

        /** With the {@link #READ_TIMEOUT} of 2 s. */
        public Settings(Duration maxLag, Duration probeEvery, Duration skipFor, int poolSize) {
            this(maxLag, probeEvery, skipFor, poolSize, READ_TIMEOUT);
        }

        /** 10 s of lag at most, probed every second, a failed replica skipped 5 s, a pool of 10, reads 2 s. */
        public static Settings defaults() {
            return new Settings(Duration.ofSeconds(10), Duration.ofSeconds(1), Duration.ofSeconds(5), 10);
        }
    }

    /** What the last probe found. */
    public enum State {
        /** Not probed yet: reads go to the primary. */
        STARTING,
        /** Replayed up to the primary's position of the last probe. */
        FRESH,
        /** Answers, but has not replayed what the primary had (paused, or catching up). */
        BEHIND,
        /** Does not answer, or failed a read. */
        DOWN,
        /** Answers but is no standby (a copy that is not streaming from the primary): never used. */
        NOT_A_STANDBY
    }

    private final Database primary;
    private final DbSettings settings;
    private final Settings config;
    private final ScheduledExecutorService prober;
    private final LongAdder replicaReads = new LongAdder();
    private final LongAdder primaryReads = new LongAdder();
    private volatile Database replica;
    private volatile State state = State.STARTING;
    private volatile long freshAt; // System.nanoTime() of the primary's position the replica last had
    private volatile boolean everFresh;
    // System.nanoTime() when it was last found down or failed a read: only a probe begun later counts
    private volatile long downAt = System.nanoTime() - 1;
    private volatile long skipUntil;
    private Connection probe; // the prober's own connection to the replica, kept between probes
    // and to the primary: the primary's pool may be exhausted at a rush, which says nothing of the replica
    private Connection primaryProbe;

    private ReadReplica(Database primary, DbSettings settings, Settings config) {
        this.primary = Objects.requireNonNull(primary, "primary");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.config = Objects.requireNonNull(config, "config");
        TransportPolicy.check(settings); // the same rules as the primary's: TLS to another machine
        this.prober = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "shopassist-read-replica-probe");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * A replica at {@code settings} for {@code primary}, probed from now on in the background. Never
     * connects on this thread and never fails for a replica that is down.
     */
    public static ReadReplica start(Database primary, DbSettings settings, Settings config) {
        ReadReplica r = new ReadReplica(primary, settings, config);
        long every = config.probeEvery().toMillis();
        r.prober.scheduleWithFixedDelay(r::probeQuietly, 0, every, TimeUnit.MILLISECONDS);
        return r;
    }

    /** A replica that is probed only when {@link #probeNow()} is called (tests). */
    static ReadReplica unscheduled(Database primary, DbSettings settings, Settings config) {
        return new ReadReplica(primary, settings, config);
    }

    /**
     * A read from the replica while it is fresh, else from the primary; a read the replica fails is
     * answered by the primary. {@code primaryInTransaction}: the caller is inside a transaction of
     * the primary, whose reads must see its own writes and locks, so the primary answers.
     */
    public <T> T read(boolean primaryInTransaction, Supplier<T> fromReplica, Supplier<T> fromPrimary) {
        if (primaryInTransaction || !usable()) {
            primaryReads.increment();
            return fromPrimary.get();
        }
        try {
            T answer = fromReplica.get();
            replicaReads.increment();
            return answer;
        } catch (RuntimeException e) {
            readFailed(e);
            primaryReads.increment();
            return fromPrimary.get();
        }
    }

    /** True when a read now would go to the replica. */
    public boolean usable() {
        if (!everFresh || state != State.FRESH && state != State.BEHIND) return false;
        long now = System.nanoTime();
        long fresh = freshAt;
        // a moment of freshness from before an outage says nothing of what the replica holds now
        return fresh - downAt > 0
                && now - skipUntil >= 0
                && now - fresh <= config.maxLag().toNanos();
    }

    /** The replica's database (for reads its repositories make); empty until the first probe opened it. */
    public Optional<Database> database() {
        return Optional.ofNullable(replica);
    }

    /** What the last probe found. */
    public State state() {
        return state;
    }

    /** How far behind the replica may be now (since the last moment it was known fresh); empty if never. */
    public Optional<Duration> lag() {
        return everFresh ? Optional.of(Duration.ofNanos(System.nanoTime() - freshAt)) : Optional.empty();
    }

    /** Reads the replica answered since the start. */
    public long replicaReads() {
        return replicaReads.sum();
    }

    /** Reads routed here that the primary answered (the replica stale, away, or failing). */
    public long primaryReads() {
        return primaryReads.sum();
    }

    public DbSettings settings() {
        return settings;
    }

    /**
     * A read failed on the replica: skipped for {@code skipFor} at least, and until a probe finds it
     * fresh. A failure of the statement itself (one the primary would give too) is only logged.
     */
    public void readFailed(Throwable e) {
        if (e instanceof com.shopassist.core.common.DataUnavailableException
                || DbErrors.isConnectionFailure(e)
                || DbErrors.isBusy(e)
                || e instanceof ShopException s && "DB_BUSY".equals(s.code())) {
            long now = System.nanoTime();
            downAt = now;
            skipUntil = now + config.skipFor().toNanos();
            if (state != State.DOWN) {
                LOG.warn(
                        "the read replica {} failed a read ({}); the primary answers its reads for now",
                        settings.safeUrl(),
                        DbErrors.firstLine(e));
            }
            state = State.DOWN;
        } else {
            LOG.warn("a read failed on the read replica, the primary answers it: {}", DbErrors.firstLine(e));
        }
    }

    /**
     * Counts a read a caller routed by itself ({@link #usable()}, then {@link #readFailed} if the
     * replica failed it): a stream of rows, which is never answered half by each server.
     */
    public void counted(boolean byReplica) {
        (byReplica ? replicaReads : primaryReads).increment();
    }

    /** One probe now, on this thread; returns what it found. */
    public synchronized State probeNow() {
        long began = System.nanoTime();
        String primaryPosition = primaryPosition();
        try {
            Connection c = probeConnection();
            try (PreparedStatement ps =
                    c.prepareStatement("select pg_is_in_recovery(), pg_last_wal_replay_lsn() >= ?::pg_lsn")) {
                ps.setString(1, primaryPosition == null ? "0/0" : primaryPosition);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (!rs.getBoolean(1)) return become(State.NOT_A_STANDBY, null);
                    if (primaryPosition != null && rs.getBoolean(2)) {
                        // a read failed while this probe ran: its answer is older than the failure
                        if (began - downAt <= 0) return state;
                        freshAt = began;
                        everFresh = true;
                        return become(State.FRESH, null);
                    }
                    // no primary to compare with, or not replayed yet: answers, freshness ages
                    return become(State.BEHIND, null);
                }
            }
        } catch (SQLException | RuntimeException e) {
            closeProbe();
            return become(State.DOWN, e);
        }
    }

    private State become(State now, Throwable why) {
        if (now == State.DOWN) downAt = System.nanoTime();
        State was = state;
        state = now;
        if (was == now) return now;
        // it answers again after an outage: what the pool held was cut, or hangs on a dead path
        if (was == State.DOWN && replica != null) replica.dropConnections();
        switch (now) {
            case FRESH -> LOG.info("the read replica {} is fresh; catalog reads go to it", settings.safeUrl());
            case BEHIND -> LOG.info("the read replica {} is behind the primary", settings.safeUrl());
            case DOWN ->
                LOG.warn(
                        "the read replica {} does not answer ({}); the primary answers its reads",
                        settings.safeUrl(),
                        why == null ? "no answer" : DbErrors.firstLine(why));
            case NOT_A_STANDBY ->
                LOG.warn("{} is not a standby of the store database; reads stay on the primary", settings.safeUrl());
            default -> {}
        }
        return now;
    }

    /**
     * The primary's WAL insert position now, or null when it cannot be read. The insert position,
     * not the write position: a commit made with synchronous_commit off returns before its WAL is
     * written, so it can lie beyond the write position while a shopper already sees it.
     */
    private String primaryPosition() {
        try {
            if (primaryProbe == null) {
                primaryProbe = probeConnect(primary.settings(), 1_000);
            }
            try (Statement s = primaryProbe.createStatement();
                    ResultSet rs = s.executeQuery("select pg_current_wal_insert_lsn()::text")) {
                rs.next();
                return rs.getString(1);
            }
        } catch (SQLException | RuntimeException e) {
            closeQuietly(primaryProbe);
            primaryProbe = null;
            return null;
        }
    }

    private Connection probeConnection() throws SQLException {
        if (replica == null) {
            // the replica's pool, on this thread: parsing the mappers costs a start nothing; its
            // reads wait readTimeout at most, then the primary answers them
            replica = Database.openUnreachable(
                    settings, config.poolSize(), Database.Mappers::parse, Duration.ofSeconds(1), config.readTimeout());
        }
        if (probe == null) {
            probe = probeConnect(
                    settings, (int) Math.max(1_000, config.probeEvery().toMillis()));
        }
        return probe;
    }

    private Connection probeConnect(DbSettings to, int networkTimeoutMillis) throws SQLException {
        PgDriverDataSource source = new PgDriverDataSource(to);
        source.setLoginTimeout(timeoutSeconds());
        Connection c = source.connect();
        try {
            c.setNetworkTimeout(Runnable::run, networkTimeoutMillis);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(c);
            throw e;
        }
        return c;
    }

    private int timeoutSeconds() {
        return (int) Math.max(1, (config.probeEvery().toMillis() + 999) / 1000);
    }

    private void probeQuietly() {
        try {
            probeNow();
        } catch (RuntimeException e) {
            LOG.warn("the read replica probe failed: {}", e.toString());
        }
    }

    private void closeProbe() {
        closeQuietly(probe);
        probe = null;
    }

    private static void closeQuietly(Connection c) {
        if (c == null) return;
        try {
            c.close();
        } catch (SQLException ignored) {
            // already broken
        }
    }

    @Override
    public void close() {
        prober.shutdownNow();
        try {
            prober.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            closeProbe();
            closeQuietly(primaryProbe);
            primaryProbe = null;
        }
        Database r = replica;
        replica = null;
        if (r != null) r.close();
    }

    private static void requirePositive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) throw new IllegalArgumentException(name + " must be positive");
    }
}
