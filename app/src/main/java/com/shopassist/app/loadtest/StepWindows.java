package com.shopassist.app.loadtest;

import com.shopassist.app.loadtest.Latencies.Stats;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The capacity run's steps, each counting only the turns its gate let through: a turn let through
 * at the end of one step and finished in the next is the earlier step's (its rate made it), not a
 * turn of the next step's rate.
 */
final class StepWindows {

    private final Latencies turns = new Latencies();
    private final Map<Integer, AtomicInteger> running = new ConcurrentHashMap<>();
    private final Map<Integer, AtomicInteger> finished = new ConcurrentHashMap<>();
    private volatile int current = -1; // no step now: the warm-up, or between two steps

    /** A turn let through now; the step it belongs to, or -1 outside the steps. */
    int enter() {
        int step = current;
        if (step >= 0) running.computeIfAbsent(step, s -> new AtomicInteger()).incrementAndGet();
        return step;
    }

    /** The turn {@link #enter()} let through ended. */
    void leave(int step, long nanos, boolean failed) {
        if (step < 0) return;
        turns.record(Integer.toString(step), nanos, failed);
        running.get(step).decrementAndGet();
        finished.computeIfAbsent(step, s -> new AtomicInteger()).incrementAndGet();
    }

    /** Turns of {@code step} that have ended so far. */
    int finished(int step) {
        AtomicInteger n = finished.get(step);
        return n == null ? 0 : n.get();
    }

    /** From now on turns belong to {@code step}. */
    void begin(int step) {
        current = step;
    }

    /**
     * Ends {@code step}: turns let through from now on belong to none until the next begins. Waits
     * (up to {@code maxWait}) for the step's turns still running, then gives their latencies.
     */
    Stats end(int step, Duration maxWait) throws InterruptedException {
        current = -1;
        long deadline = System.nanoTime() + maxWait.toNanos();
        AtomicInteger left = running.get(step);
        while (left != null && left.get() > 0 && System.nanoTime() < deadline) Thread.sleep(5);
        turns.roll();
        Stats s = turns.totals().get(Integer.toString(step));
        return s == null
                ? Stats.none(SimulatedKiosk.TURN)
                : new Stats(SimulatedKiosk.TURN, s.calls(), s.p50(), s.p95(), s.p99(), s.max(), s.errors());
    }
}
