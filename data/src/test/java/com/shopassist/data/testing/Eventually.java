package com.shopassist.data.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waiting, in tests, for what a background thread does (a switch, a refresh, a probe). */
public final class Eventually {

    private Eventually() {}

    /** Polls {@code condition} every 50 ms until it holds; fails naming {@code what} after {@code within}. */
    public static void waitUntil(String what, Duration within, BooleanSupplier condition) {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting: " + what);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
