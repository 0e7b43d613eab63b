package com.shopassist.app.ui.kiosk;

import java.util.Optional;

/**
 * Tells a barcode scanner from a person. A keyboard-wedge scanner "types" the code in a burst
 * (a few milliseconds between keys) and ends it with Enter; people type far slower than
 * {@code maxGapMillis} (50 ms by default) between keys. A burst of at least {@code minLength}
 * characters ending in Enter is a scan.
 */
public final class BarcodeWedge {

    private final long maxGapMillis;
    private final int minLength;
    private final StringBuilder burst = new StringBuilder();
    private long lastAt = Long.MIN_VALUE;

    public BarcodeWedge(long maxGapMillis, int minLength) {
        this.maxGapMillis = maxGapMillis;
        this.minLength = minLength;
    }

    /**
     * One typed character at {@code atMillis}. Returns the scanned code when this Enter ends a
     * scanner burst, otherwise empty.
     */
    public Optional<String> typed(char c, long atMillis) {
        boolean fast = lastAt != Long.MIN_VALUE && atMillis - lastAt <= maxGapMillis;
        lastAt = atMillis;
        if (c == '\r' || c == '\n') {
            String code = burst.toString();
            burst.setLength(0);
            return fast && code.length() >= minLength ? Optional.of(code) : Optional.empty();
        }
        if (Character.isISOControl(c)) {
            burst.setLength(0);
            return Optional.empty();
        }
        if (!fast) burst.setLength(0);
        burst.append(c);
        return Optional.empty();
    }

    /** How many characters of the current burst have been typed (the field they went into gets them back). */
    public int pending() {
        return burst.length();
    }
}
