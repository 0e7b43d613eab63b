package com.shopassist.app.loadtest;

import com.shopassist.app.loadtest.Latencies.Stats;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The capacity run ({@code --think 0}): the kiosks shop with no think time through a gate that
 * lets a set number of turns per second through, raised by half at every step, until the p95 of a
 * turn passes the target or the kiosks cannot go faster; the rest of the run is one last step
 * with no limit, the most these kiosks can drive.
 */
final class CapacitySteps {

    static final double FIRST_RATE = 10;
    static final double GROWTH = 1.5;

    /** One step: the rate asked for (0: no limit), the rate the kiosks reached, the turns' latency. */
    record Step(double targetRate, double achievedRate, Stats turn, long errors) {
        boolean holds() {
            return turn.calls() > 0 && turn.p95() <= LoadTest.TARGET_P95_MS && errors == 0;
        }
    }

    private final Pace pace;
    private final Latencies latencies;
    private final Consumer<String> progress;

    CapacitySteps(Pace pace, Latencies latencies, Consumer<String> progress) {
        this.pace = pace;
        this.latencies = latencies;
        this.progress = progress;
    }

    List<Step> run(Duration duration, CountDownLatch stop) throws InterruptedException {
        long end = System.nanoTime() + duration.toNanos();
        long stepNanos = Math.max(TimeUnit.SECONDS.toNanos(2), duration.toNanos() / 10);
        long every = TimeUnit.SECONDS.toNanos(duration.toSeconds() <= 20 ? 2 : 5);
        double rate = FIRST_RATE;
        pace.setRate(rate);
        latencies.window();
        List<Step> steps = new ArrayList<>();
        boolean last = false;
        while (System.nanoTime() < end) {
            long stepStart = System.nanoTime();
            long stepEnd = last ? end : Math.min(end, stepStart + stepNanos);
            boolean stopped = false;
            while (!stopped && System.nanoTime() < stepEnd) {
                long wait = Math.min(every, stepEnd - System.nanoTime());
                stopped = wait > 0 && stop.await(wait, TimeUnit.NANOSECONDS);
                if (!stopped && System.nanoTime() < stepEnd) progress.accept(rateNote(rate));
            }
            Map<String, Stats> window = latencies.window();
            Stats turn = window.getOrDefault(SimulatedKiosk.TURN, Stats.none(SimulatedKiosk.TURN));
            long errors = window.values().stream().mapToLong(Stats::errors).sum();
            double seconds = Math.max(1e-9, (System.nanoTime() - stepStart) / 1e9);
            Step step = new Step(rate, turn.calls() / seconds, turn, errors);
            steps.add(step);
            progress.accept(String.format(
                    Locale.ROOT,
                    "; step %s: %.1f turns/s, p95 %.1f ms",
                    rate == 0 ? "without a limit" : String.format(Locale.ROOT, "at %.0f/s", rate),
                    step.achievedRate(),
                    turn.p95()));
            if (stopped || last) break;
            if (!step.holds() || rate == 0 || step.achievedRate() < 0.85 * rate) {
                // past the target, or the kiosks cannot go faster: the rest of the run at full speed
                last = true;
                rate = 0;
            } else {
                rate *= GROWTH;
            }
            pace.setRate(rate);
        }
        return steps;
    }

    private static String rateNote(double rate) {
        return rate == 0 ? " (no rate limit)" : String.format(Locale.ROOT, " (rate %.0f/s)", rate);
    }
}
