package com.shopassist.data.replica;

import com.shopassist.core.common.DataUnavailableException;
import com.shopassist.core.replica.StoreStatus;
import com.shopassist.data.db.Database;
import com.shopassist.data.db.DbErrors;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which database answers this kiosk (decision 0091): the store's shared one while it answers, the
 * local replica while it does not, and the shared one again, by itself, once it answers again.
 *
 * <p>To shared: a read that is not answered within {@code switchAfter} (the network dropped: no
 * error would come for a long time), or any call that meets a lost or refused connection, turns the
 * kiosk to {@link Source#LOCAL}, and that same read is answered from the replica: the shopper's turn
 * that met the cut is answered, not failed. While local, the shared database refuses every call at
 * once ({@link Database#watch}) instead of making each one wait, and a probe asks it every
 * {@code probeEvery}, on a connection of its own, whether it answers again; the first yes turns the
 * kiosk back to {@link Source#SHARED}. A kiosk whose replica has never been refreshed stays shared
 * whatever happens: it has nothing to answer from.
 *
 * <p>The wait for a read runs on a small pool of its own threads (a socket read cannot be
 * interrupted); one that gives up is left to end by itself (the pool's socket timeout).
 */
public final class StoreSwitch implements StoreStatus, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StoreSwitch.class);
    private static final int READ_THREADS = 8;

    private final Database shared;
    private final Duration switchAfter;
    private final Duration probeEvery;
    private final List<Consumer<Source>> listeners = new CopyOnWriteArrayList<>();
    private final ThreadPoolExecutor reads;
    private final ScheduledExecutorService probe;
    private volatile Source source = Source.SHARED;
    private volatile ReplicaPorts replica;
    private volatile Instant asOf;
    private ScheduledFuture<?> probing;
    private volatile Runnable beforeShared = () -> {};

    /**
     * @param switchAfter how long a read waits for the shared database before the replica answers it
     * @param probeEvery how often, while local, the shared database is asked whether it answers again
     */
    public StoreSwitch(Database shared, Duration switchAfter, Duration probeEvery) {
        this.shared = Objects.requireNonNull(shared, "shared");
        this.switchAfter = requirePositive(switchAfter, "switchAfter");
        this.probeEvery = requirePositive(probeEvery, "probeEvery");
        this.reads = new ThreadPoolExecutor(
                0, READ_THREADS, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), daemons("shopassist-shared-read"));
        this.probe = Executors.newSingleThreadScheduledExecutor(daemons("shopassist-store-probe"));
        shared.watch(() -> source == Source.LOCAL, this::sharedUnreachable);
    }

    @Override
    public Source source() {
        return source;
    }

    @Override
    public Optional<Instant> replicaAsOf() {
        return Optional.ofNullable(asOf);
    }

    @Override
    public void addListener(Consumer<Source> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** The replica can answer now, with prices and stock as of {@code refreshedAt}. */
    public void replicaReady(ReplicaPorts local, Instant refreshedAt) {
        this.replica = Objects.requireNonNull(local, "local");
        this.asOf = Objects.requireNonNull(refreshedAt, "refreshedAt");
    }

    /** The replica's repositories, once it can answer. */
    public Optional<ReplicaPorts> replica() {
        return asOf == null ? Optional.empty() : Optional.ofNullable(replica);
    }

    /**
     * A read: from the shared database within {@code switchAfter}, else (or when it failed to
     * connect, or the kiosk is local already) from the replica. Inside a transaction of the shared
     * database it is always the shared one's (the transaction's connection, its locks).
     */
    public <T> T read(boolean inSharedTransaction, Supplier<T> fromShared, Function<ReplicaPorts, T> fromLocal) {
        ReplicaPorts local = replica().orElse(null);
        if (local == null || inSharedTransaction) return fromShared.get();
        if (source == Source.LOCAL) return fromLocal.apply(local);
        try {
            return withDeadline(fromShared);
        } catch (DataUnavailableException e) {
            return fromLocal.apply(local);
        }
    }

    /**
     * A call only the shared database can answer, given {@code switchAfter} to do it (a read: it may
     * be abandoned). Fails with {@link DataUnavailableException} at once while local, and when the
     * shared database does not answer in time (the kiosk then turns local).
     */
    public <T> T sharedOnly(Supplier<T> call) {
        if (replica().isEmpty()) return call.get();
        if (source == Source.LOCAL) throw unreachable(null);
        return withDeadline(call);
    }

    private <T> T withDeadline(Supplier<T> call) {
        Future<T> answer;
        try {
            answer = reads.submit(call::get);
        } catch (RejectedExecutionException e) {
            // every reader is still waiting for the shared database: it does not answer
            sharedUnreachable(e);
            throw unreachable(e);
        }
        try {
            return answer.get(switchAfter.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            LOG.warn("the store database did not answer within {} ms", switchAfter.toMillis());
            sharedUnreachable(e);
            throw unreachable(e);
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            throw unreachable(e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof DataUnavailableException || DbErrors.isConnectionFailure(cause)) {
                sharedUnreachable(cause);
                throw unreachable(cause);
            }
            if (cause instanceof RuntimeException r) throw r;
            if (cause instanceof Error err) throw err;
            throw new IllegalStateException(cause);
        }
    }

    /** The shared database did not answer (a call timed out or lost its connection): local, if a replica can answer. */
    public void sharedUnreachable(Throwable why) {
        if (replica().isEmpty()) return;
        synchronized (this) {
            if (source == Source.LOCAL) return;
            source = Source.LOCAL;
            LOG.warn(
                    "the store database does not answer ({}); answering from the local replica (as of {})",
                    why == null ? "no answer" : reason(why),
                    asOf);
            probing = probe.scheduleWithFixedDelay(
                    this::probeShared, probeEvery.toMillis(), probeEvery.toMillis(), TimeUnit.MILLISECONDS);
        }
        tell(Source.LOCAL);
    }

    /**
     * Runs {@code check} once the shared database answers again, before the kiosk turns back to it
     * (a kiosk that started during an outage checks the schema first); if it throws, the kiosk stays
     * local and the next probe tries again. It runs until it succeeds once.
     */
    public void checkBeforeShared(Runnable check) {
        this.beforeShared = Objects.requireNonNull(check, "check");
    }

    /** Starts local (the shared database could not be reached at all), probing for it from now on. */
    public void startLocal(Throwable why) {
        sharedUnreachable(why);
    }

    /** Asks the shared database whether it answers; turns the kiosk back to it if so. */
    public boolean probeShared() {
        if (source == Source.SHARED) return true;
        if (!shared.answers(switchAfter.plusSeconds(1))) return false;
        try {
            beforeShared.run();
            beforeShared = () -> {};
        } catch (RuntimeException e) {
            LOG.warn("the store database answers, but not yet for this kiosk: {}", reason(e));
            return false;
        }
        synchronized (this) {
            if (source == Source.SHARED) return true;
            // what the pool held was cut with the network: every call from now on gets a new connection
            shared.dropConnections();
            source = Source.SHARED;
            if (probing != null) probing.cancel(false);
            probing = null;
            LOG.info("the store database answers again; back to it");
        }
        tell(Source.SHARED);
        return true;
    }

    private void tell(Source now) {
        for (Consumer<Source> l : listeners) {
            try {
                l.accept(now);
            } catch (RuntimeException e) {
                LOG.warn("a store status listener failed", e);
            }
        }
    }

    @Override
    public void close() {
        probe.shutdownNow();
        reads.shutdownNow();
    }

    private static DataUnavailableException unreachable(Throwable cause) {
        return new DataUnavailableException(
                "The store database cannot be reached right now. Please try again in a moment.", cause);
    }

    private static Duration requirePositive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) throw new IllegalArgumentException(name + " must be positive");
        return d;
    }

    private static java.util.concurrent.ThreadFactory daemons(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** The innermost cause, in one line: what the driver or the pool said. */
    private static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String msg = root.getMessage() == null ? "" : root.getMessage().strip();
        return root.getClass().getSimpleName()
                + (msg.isEmpty() ? "" : ": " + msg.lines().findFirst().orElse(msg));
    }
}
