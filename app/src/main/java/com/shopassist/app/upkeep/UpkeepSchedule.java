package com.shopassist.app.upkeep;

import com.shopassist.core.upkeep.UpkeepReport;
import com.shopassist.core.upkeep.UpkeepService;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kiosk's part in the store's upkeep: every interval it asks for a run, on a daemon thread of
 * its own, and logs what was done (or that another kiosk was doing it). A run that fails (the
 * database away) is logged and the next one tries again; nothing reaches the shopper.
 */
public final class UpkeepSchedule implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(UpkeepSchedule.class);

    private final Supplier<UpkeepService> upkeep;
    private final ScheduledExecutorService thread;

    private UpkeepSchedule(Supplier<UpkeepService> upkeep) {
        this.upkeep = upkeep;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "shopassist-upkeep");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            return t;
        });
    }

    /**
     * Starts asking after {@code firstDelay} and then every {@code interval}. {@code upkeep} is
     * asked for the service at each run, so a database that was not reachable at start is
     * reached later.
     */
    public static UpkeepSchedule start(Supplier<UpkeepService> upkeep, Duration firstDelay, Duration interval) {
        Objects.requireNonNull(upkeep, "upkeep");
        if (interval.isNegative() || interval.isZero()) throw new IllegalArgumentException("interval must be positive");
        UpkeepSchedule s = new UpkeepSchedule(upkeep);
        s.thread.scheduleWithFixedDelay(
                s::runOnce, Math.max(0, firstDelay.toMillis()), interval.toMillis(), TimeUnit.MILLISECONDS);
        LOG.info("upkeep: every {} min, first in {} s", interval.toMinutes(), firstDelay.toSeconds());
        return s;
    }

    /**
     * Starts asking every {@code minutes}, the first time a random one to ten minutes from now so
     * that kiosks started together do not all ask at once; empty (said in the log) when
     * {@code minutes} is 0 or less: upkeep is off on this kiosk.
     */
    public static Optional<UpkeepSchedule> every(int minutes, Supplier<UpkeepService> upkeep) {
        if (minutes <= 0) {
            LOG.info("upkeep: off on this kiosk (upkeep.interval-minutes = {})", minutes);
            return Optional.empty();
        }
        Duration first = Duration.ofSeconds(ThreadLocalRandom.current().nextLong(60, 600));
        return Optional.of(start(upkeep, first, Duration.ofMinutes(minutes)));
    }

    /** One run; never throws (a scheduled task that throws is never run again). */
    void runOnce() {
        try {
            UpkeepReport r = upkeep.get().runOnce();
            LOG.info(r.describe());
        } catch (RuntimeException | Error e) {
            LOG.warn("upkeep failed, tried again at the next interval: {}", oneLine(e));
        }
    }

    private static String oneLine(Throwable e) {
        String msg = e.getMessage();
        return msg == null || msg.isBlank()
                ? e.getClass().getSimpleName()
                : msg.lines().findFirst().orElse(msg);
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
