package com.shopassist.data.seed;

import java.time.Instant;

/** One run of the demo seed, as recorded in {@code tbl_seed_run}. */
public record SeedRun(long id, int seedVersion, int catalogSize, Instant seededAt, long tookMs) {}
