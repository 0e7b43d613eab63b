package com.shopassist.app.loadtest;

import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * When a simulated shopper sends their next message. At shopper pace each waits a think time
 * drawn at random between turns, as people do; in the capacity run there is no think time and
 * every kiosk takes its next turn from one shared gate that lets through {@link #setRate} turns
 * per second (0: as fast as the kiosks can go).
 */
final class Pace {

    private final Duration thinkMin;
    private final Duration thinkMax;
    private final CountDownLatch stop;
    private long nextSlot; // System.nanoTime() of the next turn the gate lets through
    private volatile double rate;
    private volatile boolean warming;
    private final StepWindows steps = new StepWindows();

    Pace(Duration thinkMin, Duration thinkMax, CountDownLatch stop) {
        this.thinkMin = thinkMin;
        this.thinkMax = thinkMax;
        this.stop = stop;
    }

    boolean capacity() {
        return thinkMax.isZero();
    }

    /** The capacity run's steps, which the turns the gate lets through are counted in. */
    StepWindows steps() {
        return steps;
    }

    /** Turns per second the capacity gate lets through from now on (0: no limit). */
    synchronized void setRate(double turnsPerSecond) {
        rate = turnsPerSecond;
        nextSlot = System.nanoTime();
    }

    /** The rate the gate lets through now (0: no limit). */
    double rate() {
        return rate;
    }

    /**
     * Until {@link #endWarmUp}, every kiosk shops with no think time through the gate at
     * {@code turnsPerSecond}: the JVM compiles the hot code before anything is measured, as it has
     * on a kiosk that has run for a while.
     */
    void warmUp(double turnsPerSecond) {
        warming = true;
        setRate(turnsPerSecond);
    }

    void endWarmUp() {
        warming = false;
    }

    /** Waits until this kiosk's next turn; false when the run is stopping. */
    boolean beforeTurn(Random r) throws InterruptedException {
        if (stop.getCount() == 0) return false;
        if (!capacity() && !warming) {
            long min = thinkMin.toMillis();
            long wait = min + (long) (r.nextDouble() * (thinkMax.toMillis() - min));
            return !stop.await(wait, TimeUnit.MILLISECONDS);
        }
        double perSecond = rate;
        if (perSecond <= 0) return true;
        long slot;
        synchronized (this) {
            long now = System.nanoTime();
            slot = Math.max(now, nextSlot);
            nextSlot = slot + (long) (1e9 / perSecond);
        }
        long wait = slot - System.nanoTime();
        return wait <= 0 || !stop.await(wait, TimeUnit.NANOSECONDS);
    }

    /** A short pause between two visits (the next shopper walking up), cut short by the stop. */
    boolean betweenVisits() throws InterruptedException {
        if (capacity() || warming) return stop.getCount() > 0;
        return !stop.await(thinkMin.toMillis(), TimeUnit.MILLISECONDS);
    }
}
