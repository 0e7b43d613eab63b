package com.shopassist.app.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopassist.app.loadtest.CapacitySteps.Step;
import com.shopassist.app.loadtest.CapacitySteps.Verdict;
import com.shopassist.app.loadtest.Latencies.Stats;
import java.util.List;
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
}
