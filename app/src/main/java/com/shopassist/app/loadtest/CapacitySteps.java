package com.shopassist.app.loadtest;

import com.shopassist.app.loadtest.Latencies.Stats;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The capacity run ({@code --think 0}): the kiosks shop with no think time through a gate. The
 * first step has no limit: the most these kiosks can drive. If its turns missed the target, the
 * gate then lets a set number of turns per second through, searched below that rate
 * ({@link RateSearch}); the rest of the run is one last step with no limit. Each step counts only
 * the turns its gate let through ({@link StepWindows}), and lasts until it has {@link #MIN_TURNS}
 * of them: a p95 of a handful of turns is one slow turn, not a verdict.
 */
final class CapacitySteps {

    /** Fewest turns a step's p95 is judged on: of 100 turns, the 95th percentile passes five. */
    static final int MIN_TURNS = 100;

    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    /** What a step shows of the target. */
    enum Verdict {
        /** At least {@link #MIN_TURNS} turns, their p95 within the target, no error. */
        HELD,
        /** An error, or at least {@link #MIN_TURNS} turns whose p95 passed the target. */
        FAILED,
        /** No error but too few turns for a p95: the run ended first. Neither held nor failed. */
        TOO_FEW_TURNS
    }

    /** One step: the rate asked for (0: no limit), the rate the kiosks reached, the turns' latency. */
    record Step(double targetRate, double achievedRate, Stats turn, long errors) {
        Verdict verdict() {
            if (errors > 0) return Verdict.FAILED; // an error fails the target however few the turns
            if (turn.calls() < MIN_TURNS) return Verdict.TOO_FEW_TURNS;
            return turn.p95() <= LoadTest.TARGET_P95_MS ? Verdict.HELD : Verdict.FAILED;
        }

        boolean holds() {
            return verdict() == Verdict.HELD;
        }
    }

    /** The fastest step that held the target, judged on enough turns. */
    static Optional<Step> highestHeld(List<Step> steps) {
        return steps.stream().filter(Step::holds).max(Comparator.comparingDouble(Step::achievedRate));
    }

    /** The slowest step that failed the target: the search bisects below the first failure. */
    static Optional<Step> lowestFailed(List<Step> steps) {
        return steps.stream()
                .filter(s -> s.verdict() == Verdict.FAILED)
                .min(Comparator.comparingDouble(Step::achievedRate));
    }

    /** A step is over once it has lasted its minimum and has enough turns for a p95. */
    static boolean stepOver(long elapsedNanos, long minNanos, int turns) {
        return elapsedNanos >= minNanos && turns >= MIN_TURNS;
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
        // a long run's steps are longer (steadier), a short run's short enough to search at all
        long minStep =
                Math.min(TimeUnit.SECONDS.toNanos(10), Math.max(TimeUnit.SECONDS.toNanos(2), duration.toNanos() / 12));
        long every = TimeUnit.SECONDS.toNanos(duration.toSeconds() <= 20 ? 2 : 5);
        StepWindows windows = pace.steps();
        RateSearch search = null; // made below the first step's rate, if that step failed
        double rate = 0;
        pace.setRate(rate);
        latencies.window();
        List<Step> steps = new ArrayList<>();
        boolean last = false;
        while (System.nanoTime() < end) {
            int n = steps.size();
            long stepStart = System.nanoTime();
            long note = stepStart + every;
            windows.begin(n);
            boolean stopped = false;
            while (!stopped) {
                long now = System.nanoTime();
                if (now >= end || (!last && stepOver(now - stepStart, minStep, windows.finished(n)))) break;
                stopped = stop.await(Math.min(POLL_NANOS, end - now), TimeUnit.NANOSECONDS);
                if (!stopped && System.nanoTime() >= note && System.nanoTime() < end) {
                    progress.accept(rateNote(rate));
                    note += every;
                }
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
                    "; step %s: %.1f turns/s, p95 %.1f ms of %d turns: %s",
                    rate == 0 ? "without a limit" : String.format(Locale.ROOT, "at %.2f/s", rate),
                    step.achievedRate(),
                    turn.p95(),
                    turn.calls(),
                    verdictText(step.verdict())));
            if (stopped || last) break;
            if (search == null) {
                // the kiosks at full speed: held, they are the limit and the rest of the run goes on so
                if (step.verdict() != Verdict.FAILED || step.achievedRate() <= 0) {
                    rate = 0;
                } else {
                    search = RateSearch.below(step.achievedRate());
                    rate = search.first();
                }
            } else {
                rate = step.verdict() == Verdict.TOO_FEW_TURNS
                        ? 0
                        : search.next(rate, step.holds(), step.achievedRate());
            }
            last = rate == 0;
            pace.setRate(rate);
        }
        return steps;
    }

    static String verdictText(Verdict v) {
        return switch (v) {
            case HELD -> "held";
            case FAILED -> "failed";
            case TOO_FEW_TURNS -> "too few turns";
        };
    }

    private static String rateNote(double rate) {
        return rate == 0 ? " (no rate limit)" : String.format(Locale.ROOT, " (rate %.2f/s)", rate);
    }
}
