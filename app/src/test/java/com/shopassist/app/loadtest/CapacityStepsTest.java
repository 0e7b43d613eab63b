package com.shopassist.app.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopassist.app.loadtest.CapacitySteps.Step;
import com.shopassist.app.loadtest.CapacitySteps.Verdict;
import com.shopassist.app.loadtest.Latencies.Stats;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CapacityStepsTest {

    private static Step step(double rate, long turns, double p95, long errors) {
        return new Step(rate, rate, new Stats(SimulatedKiosk.TURN, turns, p95 / 2, p95, p95, p95, 0), errors);
    }

    @Test
    void aStepIsJudgedOnlyOnEnoughTurnsForAP95() {
        assertThat(step(2.8, 20, 10, 0).verdict()).isEqualTo(Verdict.TOO_FEW_TURNS);
        assertThat(step(2.8, 20, 10, 0).holds()).isFalse();
        assertThat(step(2.8, 20, 400, 0).verdict())
                .as("one slow turn of twenty is not a failure either")
                .isEqualTo(Verdict.TOO_FEW_TURNS);
        assertThat(step(30, CapacitySteps.MIN_TURNS, 49, 0).verdict()).isEqualTo(Verdict.HELD);
        assertThat(step(30, CapacitySteps.MIN_TURNS, 51, 0).verdict()).isEqualTo(Verdict.FAILED);
        assertThat(step(2.8, 5, 10, 1).verdict())
                .as("an error fails however few the turns")
                .isEqualTo(Verdict.FAILED);
    }

    @Test
    void aFewTurnsAtALowRateNeitherCountAsTheCrossingNorHideTheRateThatHeld() {
        List<Step> steps = List.of(step(0, 900, 80, 0), step(2.8, 12, 95, 0), step(64.7, 600, 31, 0));
        assertThat(CapacitySteps.highestHeld(steps)).hasValueSatisfying(s -> {
            assertThat(s.achievedRate()).isEqualTo(64.7);
            assertThat(s.turn().calls()).isEqualTo(600);
        });
        assertThat(CapacitySteps.lowestFailed(steps))
                .hasValueSatisfying(s -> assertThat(s.turn().calls()).isEqualTo(900));
        assertThat(CapacitySteps.highestHeld(List.of(step(1, 30, 5, 0)))).isEmpty();
    }

    @Test
    void aStepLastsUntilItHasEnoughTurnsAndItsMinimumTime() {
        long two = TimeUnit.SECONDS.toNanos(2);
        assertThat(CapacitySteps.stepOver(TimeUnit.SECONDS.toNanos(30), two, CapacitySteps.MIN_TURNS - 1))
                .as("a slow step waits for its turns")
                .isFalse();
        assertThat(CapacitySteps.stepOver(TimeUnit.SECONDS.toNanos(1), two, 500))
                .isFalse();
        assertThat(CapacitySteps.stepOver(two, two, CapacitySteps.MIN_TURNS)).isTrue();
    }

    /**
     * The steps against fake kiosks whose turns take 10 ms up to 30 turns per second and 80 ms
     * beyond (or with no limit): the first step runs at full speed, the search goes below it, and
     * a slow step lasts past its 2 s until it has its 100 turns.
     */
    @Test
    void theRunStartsAtFullSpeedSearchesBelowItAndASlowStepWaitsForItsHundredTurns() throws Exception {
        CountDownLatch stop = new CountDownLatch(1);
        Pace pace = new Pace(Duration.ZERO, Duration.ZERO, stop);
        List<Thread> kiosks = new ArrayList<>();
        for (int k = 0; k < 2; k++) {
            Thread t = new Thread(() -> {
                Random r = new Random();
                try {
                    while (pace.beforeTurn(r)) {
                        double rate = pace.rate();
                        int window = pace.steps().enter();
                        Thread.sleep(10); // two kiosks at full speed: under 200 turns a second
                        long ms = rate == 0 || rate > 30 ? 80 : 10;
                        pace.steps().leave(window, TimeUnit.MILLISECONDS.toNanos(ms), false);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            t.setDaemon(true);
            t.start();
            kiosks.add(t);
        }
        List<Step> steps;
        try {
            steps = new CapacitySteps(pace, new Latencies(), line -> {}).run(Duration.ofSeconds(20), stop);
        } finally {
            stop.countDown();
            for (Thread t : kiosks) t.join(5_000);
        }

        assertThat(steps.get(0).targetRate()).as("the first step has no limit").isZero();
        assertThat(steps.get(0).verdict()).isEqualTo(Verdict.FAILED);
        double fullSpeed = steps.get(0).achievedRate();
        for (Step s : steps.subList(1, steps.size())) {
            if (s.targetRate() > 0) assertThat(s.targetRate()).isLessThan(fullSpeed);
            if (s.verdict() != Verdict.TOO_FEW_TURNS) {
                assertThat(s.turn().calls()).as(s.toString()).isGreaterThanOrEqualTo(CapacitySteps.MIN_TURNS);
            }
        }
        Step held = CapacitySteps.highestHeld(steps).orElseThrow(() -> new AssertionError(steps.toString()));
        assertThat(held.targetRate()).isPositive().isLessThanOrEqualTo(30);
        assertThat(held.turn().calls()).isGreaterThanOrEqualTo(CapacitySteps.MIN_TURNS);
        assertThat(held.turn().calls() / held.achievedRate())
                .as("seconds the held step lasted: past its 2 s, until it had 100 turns: " + steps)
                .isGreaterThan(2.5);
    }
}
