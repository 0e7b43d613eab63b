package com.shopassist.app.ui.kiosk;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Tells a barcode scanner from a person. A keyboard-wedge scanner "types" the code in a burst and
 * ends it with Enter; people type slower than {@code maxGapMillis} (50 ms by default) between keys.
 * But timing alone is not enough: a practised typist, an on-screen keyboard or a window that was
 * busy for a moment can deliver a sentence as fast as a scanner (decision 0079). So a burst is a
 * scan only when it also looks like a barcode: a GTIN (EAN-8, UPC-A, EAN-13, GTIN-14) whose check
 * digit is right, or what the store's {@code kiosk.scan-pattern} describes; never anything with
 * a space. Each key comes with the time of its own event, not the time this class is asked.
 */
public final class BarcodeWedge {

    private final long maxGapNanos;
    private final Pattern storePattern;
    private final StringBuilder burst = new StringBuilder();
    private long lastAt;
    private boolean started;

    /**
     * @param maxGapMillis the longest gap between two keys of one scan
     * @param storePattern codes of the store's own (shelf labels, loyalty cards) that count as scans
     *     too, or null for GTINs only
     */
    public BarcodeWedge(long maxGapMillis, Pattern storePattern) {
        this.maxGapNanos = maxGapMillis * 1_000_000L;
        this.storePattern = storePattern;
    }

    /**
     * One typed character, with its event's time in nanoseconds. Returns the scanned code when
     * this Enter ends a burst that looks like a barcode, otherwise empty.
     */
    public Optional<String> typed(char c, long eventNanos) {
        boolean fast = started && eventNanos - lastAt <= maxGapNanos;
        lastAt = eventNanos;
        started = true;
        if (c == '\r' || c == '\n') {
            String code = burst.toString();
            burst.setLength(0);
            return fast && looksLikeABarcode(code) ? Optional.of(code) : Optional.empty();
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

    /** A GTIN with a right check digit, or the store's own pattern; nothing with a space. */
    public boolean looksLikeABarcode(String code) {
        if (code.isEmpty() || code.chars().anyMatch(Character::isWhitespace)) return false;
        if (isGtin(code)) return true;
        return storePattern != null && storePattern.matcher(code).matches();
    }

    /**
     * EAN-8, UPC-A, EAN-13 or GTIN-14: 8, 12, 13 or 14 digits whose last is the GS1 check digit
     * (from the right, the digits are weighted 3, 1, 3, ...). One mistyped digit never passes.
     */
    public static boolean isGtin(String code) {
        int n = code.length();
        if (n != 8 && n != 12 && n != 13 && n != 14) return false;
        int sum = 0;
        for (int i = n - 2, weight = 3; i >= 0; i--, weight = 4 - weight) {
            char c = code.charAt(i);
            if (c < '0' || c > '9') return false;
            sum += (c - '0') * weight;
        }
        char check = code.charAt(n - 1);
        return check >= '0' && check <= '9' && (10 - sum % 10) % 10 == check - '0';
    }
}
