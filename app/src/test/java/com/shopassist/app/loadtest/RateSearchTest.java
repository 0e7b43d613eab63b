package com.shopassist.app.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RateSearchTest {

    /** The rates asked of a database that holds the target up to {@code capacity} turns per second. */
    private static List<Double> rates(double capacity) {
        RateSearch search = new RateSearch();
        List<Double> asked = new ArrayList<>();
        double rate = RateSearch.FIRST_RATE;
        while (rate > 0 && asked.size() < 50) {
            asked.add(rate);
            rate = search.next(rate, rate <= capacity, rate);
        }
        return asked;
    }

    @Test
    void itDoublesUntilAStepFailsThenBisectsToWithinFivePercent() {
        assertThat(rates(37)).containsExactly(1.0, 2.0, 4.0, 8.0, 16.0, 32.0, 64.0, 48.0, 40.0, 36.0, 38.0, 37.0);
        RateSearch search = new RateSearch();
        for (double r : rates(37)) search.next(r, r <= 37, r);
        assertThat(search.held()).isEqualTo(37.0);
    }

    @Test
    void aDatabaseThatFailsTheFirstStepIsSearchedBelowIt() {
        assertThat(rates(0.3)).containsExactly(1.0, 0.5, 0.25);
    }

    @Test
    void kiosksThatCannotReachTheRateEndTheSearch() {
        RateSearch search = new RateSearch();
        assertThat(search.next(8, true, 8)).isEqualTo(16);
        assertThat(search.next(16, true, 11)).isZero();
    }

    @Test
    void aSearchBelowTheKiosksFullSpeedStartsAtHalfOfItAndBisects() {
        RateSearch search = RateSearch.below(64);
        List<Double> asked = new ArrayList<>();
        double rate = search.first();
        while (rate > 0 && asked.size() < 50) {
            asked.add(rate);
            rate = search.next(rate, rate <= 37, rate);
        }
        assertThat(asked).containsExactly(32.0, 48.0, 40.0, 36.0, 38.0, 37.0);
        assertThat(search.held()).isEqualTo(37.0);
    }

    @Test
    void aSearchBelowAFullSpeedThatFailsFarAboveCapacityHalvesDownToIt() {
        RateSearch search = RateSearch.below(64);
        double rate = search.first();
        int steps = 0;
        while (rate > 0 && steps++ < 50) rate = search.next(rate, rate <= 3, rate);
        assertThat(steps).isLessThan(15);
        assertThat(search.held()).isBetween(2.75, 3.0);
    }
}
