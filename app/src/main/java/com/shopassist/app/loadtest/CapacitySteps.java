package com.shopassist.app.loadtest;

import com.shopassist.app.loadtest.Latencies.Stats;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The capacity run ({@code --think 0}): the kiosks shop with no think time through a gate that
 * lets a set number of turns per second through, from about one a second, doubled while the steps
 * hold the target and then bisected between the fastest rate that held and the slowest that failed
 * ({@link RateSearch}); the rest of the run is one last step with no limit, the most these kiosks
 * can drive. Each step counts only the turns its gate let through ({@link StepWindows}).
 */
final class CapacitySteps {

    static final double FIRST_RATE = RateSearch.FIRST_RATE;

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
        // long enough for a p95 of a few hundred turns, short enough that a long run searches on
        long stepNanos =
                Math.min(TimeUnit.SECONDS.toNanos(10), Math.max(TimeUnit.SECONDS.toNanos(2), duration.toNanos() / 12));
        long every = TimeUnit.SECONDS.toNanos(duration.toSeconds() <= 20 ? 2 : 5);
        StepWindows windows = pace.steps();
        RateSearch search = new RateSearch();
        double rate = FIRST_RATE;
        pace.setRate(rate);
        latencies.window();
        List<Step> steps = new ArrayList<>();
        boolean last = false;
        while (System.nanoTime() < end) {
            int n = steps.size();
            long stepStart = System.nanoTime();
            windows.begin(n);
            long stepEnd = last ? end : Math.min(end, stepStart + stepNanos);
            boolean stopped = false;
            while (!stopped && System.nanoTime() < stepEnd) {
                long wait = Math.min(every, stepEnd - System.nanoTime());
                stopped = wait > 0 && stop.await(wait, TimeUnit.NANOSECONDS);
                if (!stopped && System.nanoTime() < stepEnd) progress.accept(rateNote(rate));
            }
            double seconds = Math.max(1e-9, (System.nanoTime() - stepStart) / 1e9);
            Stats turn = windows.end(n, Duration.ofSeconds(5));
            // the failures of the system in the window (a tool's, a connection not had) beside the turns'
            long errors = latencies.window().values().stream()
                            .filter(s -> !s.name().equals(SimulatedKiosk.TURN))
                            .mapToLong(Stats::errors)
                            .sum()
                    + turn.errors();
            Step step = new Step(rate, turn.calls() / seconds, turn, errors);
            steps.add(step);
            progress.accept(String.format(
                    Locale.ROOT,
                    "; step %s: %.1f turns/s, p95 %.1f ms",
                    rate == 0 ? "without a limit" : String.format(Locale.ROOT, "at %.2f/s", rate),
                    step.achievedRate(),
                    turn.p95()));
            if (stopped || last) break;
            rate = search.next(rate, step.holds(), step.achievedRate());
            last = rate == 0;
            pace.setRate(rate);
        }
        return steps;
    }

    private static String rateNote(double rate) {
        return rate == 0 ? " (no rate limit)" : String.format(Locale.ROOT, " (rate %.2f/s)", rate);
    }
}
