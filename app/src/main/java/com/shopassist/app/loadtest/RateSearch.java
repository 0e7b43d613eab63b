package com.shopassist.app.loadtest;

/**
 * Where the capacity run's gate goes next. The capacity run starts {@link #below} the rate the
 * kiosks reached with no limit, a step that failed the target: it halves the rate until a step
 * holds. With no such ceiling it starts from {@link #FIRST_RATE} turns per second and doubles
 * while the steps hold the target. Either way it then halves the gap between the fastest rate that held and the
 * slowest that failed until the two are within 5%; then (0) the rest of the run has no limit, the
 * most the kiosks can drive. Kiosks that cannot reach the rate asked for end the search too: the
 * limit found is theirs, not the database's.
 */
final class RateSearch {

    static final double FIRST_RATE = 1;

    private double held; // the fastest rate that held; 0 when none did
    private double failed; // the slowest rate that failed; 0 while none did

    /**
     * A search under a rate that failed the target (the kiosks' rate with no limit); its first
     * step is {@link #first()}.
     */
    static RateSearch below(double failedRate) {
        if (!(failedRate > 0)) throw new IllegalArgumentException("a failed rate above 0, not " + failedRate);
        RateSearch s = new RateSearch();
        s.failed = failedRate;
        return s;
    }

    /** The first step's rate: half the ceiling, or {@link #FIRST_RATE} with none. */
    double first() {
        return failed == 0 ? FIRST_RATE : failed / 2;
    }

    /** The next step's rate after a step at {@code rate} (0: the search is over). */
    double next(double rate, boolean holds, double achieved) {
        if (rate <= 0) return 0;
        if (holds && achieved < 0.85 * rate) return 0; // the kiosks' limit
        if (holds) held = Math.max(held, rate);
        else failed = failed == 0 ? rate : Math.min(failed, rate);
        if (failed == 0) return rate * 2;
        if (failed - held <= Math.max(0.05 * held, 0.25)) return 0;
        return (held + failed) / 2;
    }

    /** The fastest rate that held the target so far (0: none). */
    double held() {
        return held;
    }
}
