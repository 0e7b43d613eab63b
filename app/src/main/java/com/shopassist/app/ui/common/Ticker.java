package com.shopassist.app.ui.common;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Repeats a small piece of UI work at a steady pace (text revealed as it streams) until it says it
 * is done. The app ticks on a timer through the FX thread; tests tick by hand ({@link Manual}) or
 * all at once ({@link #immediate()}), so nothing in a test waits on a clock.
 */
@FunctionalInterface
public interface Ticker {

    /** Calls {@code tick} through the UI dispatcher every {@code period} until it returns false. */
    void every(Duration period, BooleanSupplier tick);

    /** Every tick at once, on the caller's thread: the end state without the pacing. */
    static Ticker immediate() {
        return (period, tick) -> {
            while (tick.getAsBoolean()) {
                // each call advances; false means done
            }
        };
    }

    /** Ticks only when the test says so. */
    final class Manual implements Ticker {
        private final List<BooleanSupplier> active = new ArrayList<>();

        @Override
        public void every(Duration period, BooleanSupplier tick) {
            active.add(tick);
        }

        /** One tick of everything running; returns how many are still running. */
        public int tick() {
            List<BooleanSupplier> now = List.copyOf(active);
            active.clear();
            for (BooleanSupplier t : now) {
                if (t.getAsBoolean()) active.add(t);
            }
            return active.size();
        }

        /** Ticks until nothing runs (at most {@code max} times); returns the ticks taken. */
        public int runToEnd(int max) {
            int n = 0;
            while (!active.isEmpty() && n < max) {
                tick();
                n++;
            }
            return n;
        }
    }
}
