package com.shopassist.app.wiring;

import com.shopassist.core.outbox.ChangeReplayer;
import com.shopassist.core.outbox.Outbox;
import com.shopassist.core.replica.StoreStatus;
import com.shopassist.data.StoreRepositories;
import com.shopassist.data.db.Database;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kiosk's cart outbox as the wiring builds it, and when it replays (decision 0096): as soon as
 * the store's database answers again, at start when changes wait, and every {@link #RETRY} while
 * some still wait (a replay stops at a change that failed; the next one tries it again). Replays
 * run one at a time on the outbox's own thread, never on a shopper's.
 */
final class OutboxSync implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxSync.class);
    static final Duration RETRY = Duration.ofSeconds(30);

    private final Outbox outbox;
    private final ScheduledExecutorService timer;

    private OutboxSync(Outbox outbox, ScheduledExecutorService timer) {
        this.outbox = outbox;
        this.timer = timer;
    }

    /**
     * The kiosk's outbox in its {@code local} database, replayed through the store's own services
     * ({@code store}, without an outbox in front) and recorded as {@code kioskId}'s, started: it
     * replays whenever {@code status} says the store answers. Close it on exit.
     */
    static OutboxSync open(
            Database local, StoreRepositories r, CoreServices store, StoreStatus status, Clock clock, String kioskId) {
        ChangeReplayer replayer = new ChangeReplayer(
                store.carts(),
                store.checkout(),
                r.carts(),
                r.checkout(),
                r.appliedChanges(),
                r.checkoutRejections(),
                r.transactions(),
                clock,
                kioskId,
                r.replaySessions());
        ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(t -> {
            Thread replays = new Thread(t, "shopassist-outbox");
            replays.setDaemon(true);
            return replays;
        });
        Outbox outbox = new Outbox(StoreRepositories.outbox(local), replayer, thread, clock);
        return start(outbox, status, thread);
    }

    Outbox outbox() {
        return outbox;
    }

    /** Starts replaying {@code outbox} on {@code timer} whenever {@code status} says the store answers. */
    private static OutboxSync start(Outbox outbox, StoreStatus status, ScheduledExecutorService timer) {
        status.addListener(source -> {
            if (source == StoreStatus.Source.SHARED) outbox.replayLater();
        });
        outbox.addListener(report -> {
            if (report.replayed() > 0 || report.stoppedBecause() != null) {
                LOG.info(
                        "outbox replayed: {} applied, {} adjusted, {} refused, {} orders placed, {} waiting{}",
                        report.applied(),
                        report.adjusted(),
                        report.rejected(),
                        report.ordersPlaced(),
                        report.waiting(),
                        report.stoppedBecause() == null ? "" : " (stopped: " + report.stoppedBecause() + ")");
            }
        });
        timer.scheduleWithFixedDelay(
                () -> {
                    try {
                        if (status.source() == StoreStatus.Source.SHARED && outbox.pendingCount() > 0) {
                            outbox.replayLater();
                        }
                    } catch (RuntimeException e) {
                        LOG.warn("outbox check failed: {}", e.toString());
                    }
                },
                0,
                RETRY.toSeconds(),
                TimeUnit.SECONDS);
        return new OutboxSync(outbox, timer);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
