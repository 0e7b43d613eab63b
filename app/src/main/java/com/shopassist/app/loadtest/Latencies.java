package com.shopassist.app.loadtest;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Latency series by name (a tool, a whole turn, the pool wait): many kiosk threads record, one
 * thread reads. Kept in HdrHistogram recorders, so recording never blocks a kiosk and percentiles
 * are exact to three digits. Values are recorded in microseconds.
 */
final class Latencies {

    private static final long MAX_MICROS = 120_000_000L; // two minutes: anything longer is clamped

    private final Map<String, Series> series = new ConcurrentHashMap<>();

    /** One call of {@code name} that took {@code nanos}; {@code error} when it failed for a reason of the system. */
    void record(String name, long nanos, boolean error) {
        Series s = series.computeIfAbsent(name, n -> new Series());
        s.recorder.recordValue(Math.min(MAX_MICROS, Math.max(0, nanos / 1_000)));
        if (error) s.errors.increment();
    }

    /** A failure with no time worth keeping (a pool wait that gave up). */
    void error(String name) {
        series.computeIfAbsent(name, n -> new Series()).errors.increment();
    }

    /** What one series did over a span: calls, percentiles in milliseconds, errors. */
    record Stats(String name, long calls, double p50, double p95, double p99, double max, long errors) {
        static Stats none(String name) {
            return new Stats(name, 0, 0, 0, 0, 0, 0);
        }

        static Stats of(String name, Histogram h, long errors) {
            long n = h.getTotalCount();
            return new Stats(
                    name,
                    n,
                    n == 0 ? 0 : h.getValueAtPercentile(50) / 1000.0,
                    n == 0 ? 0 : h.getValueAtPercentile(95) / 1000.0,
                    n == 0 ? 0 : h.getValueAtPercentile(99) / 1000.0,
                    n == 0 ? 0 : h.getMaxValue() / 1000.0,
                    errors);
        }
    }

    /**
     * Moves what was recorded since the last call into the run's totals and into the current window;
     * call it from one thread only.
     */
    synchronized void roll() {
        for (Series s : series.values()) s.roll();
    }

    /** The whole run so far, by name (call {@link #roll()} first). */
    synchronized Map<String, Stats> totals() {
        Map<String, Stats> out = new TreeMap<>();
        series.forEach((name, s) -> out.put(name, Stats.of(name, s.total, s.errors.sum() - s.errorsAtReset)));
        return out;
    }

    /** Forgets everything recorded so far: the warm-up is not the run. */
    synchronized void reset() {
        for (Series s : series.values()) {
            s.roll();
            s.total.reset();
            s.window.reset();
            s.errorsAtReset = s.errors.sum();
            s.errorsAtWindow = s.errorsAtReset;
        }
    }

    /** The window since the last {@code window()} call, by name, and starts a new one. */
    synchronized Map<String, Stats> window() {
        roll();
        Map<String, Stats> out = new TreeMap<>();
        series.forEach((name, s) -> {
            long errors = s.errors.sum();
            out.put(name, Stats.of(name, s.window, errors - s.errorsAtWindow));
            s.window.reset();
            s.errorsAtWindow = errors;
        });
        return out;
    }

    private static final class Series {
        final Recorder recorder = new Recorder(3);
        final Histogram total = new Histogram(MAX_MICROS, 3);
        final Histogram window = new Histogram(MAX_MICROS, 3);
        final LongAdder errors = new LongAdder();
        Histogram interval;
        long errorsAtWindow;
        long errorsAtReset;

        void roll() {
            interval = recorder.getIntervalHistogram(interval);
            total.add(interval);
            window.add(interval);
        }
    }
}
