package com.shopassist.core.report;

import java.time.Duration;

/**
 * How long the assistant took to answer over some window of turns: the median and the 95th
 * percentile, each the latency of an actual turn (nearest rank), so "p95 2.1 s" means 95 of 100
 * turns were answered within 2.1 seconds.
 */
public record TurnLatency(long turns, Duration p50, Duration p95) {

    /** No turn in the window. */
    public static final TurnLatency NONE = new TurnLatency(0, Duration.ZERO, Duration.ZERO);
}
