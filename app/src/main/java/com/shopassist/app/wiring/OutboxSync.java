package com.shopassist.app.wiring;

import com.shopassist.core.outbox.Outbox;
import com.shopassist.core.replica.StoreStatus;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When the kiosk's outbox replays (decision 0096): as soon as the store's database answers again,
 * at start when changes wait, and every {@link #RETRY} while some still wait (a replay stops at a
 * change that failed; the next one tries it again). Replays run one at a time on the outbox's own
 * thread, never on a shopper's.
 */
final class OutboxSync implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxSync.class);
    static final Duration RETRY = Duration.ofSeconds(30);

    private final ScheduledExecutorService timer;

    private OutboxSync(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    /** The single thread replays run on. */
    static ScheduledExecutorService thread() {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "shopassist-outbox");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts replaying {@code outbox} on {@code timer} whenever {@code status} says the store answers. */
    static OutboxSync start(Outbox outbox, StoreStatus status, ScheduledExecutorService timer) {
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
        return new OutboxSync(timer);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
