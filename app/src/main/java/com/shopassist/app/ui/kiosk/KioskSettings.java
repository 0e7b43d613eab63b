package com.shopassist.app.ui.kiosk;

import java.time.Duration;

/**
 * Kiosk behaviour. {@code enabled}: full screen, exit key disabled, on-screen keyboard, large
 * touch targets. The idle reset fires after {@code idleTimeout} without input, following a
 * {@code countdown} "still there?" dialog. A barcode scanner is a keyboard that types a code with
 * gaps under {@code scanMaxGapMillis}, then Enter; the code is a GTIN or matches the store's
 * {@code scanPattern} (null: GTINs only). See {@link BarcodeWedge}.
 */
public record KioskSettings(
        boolean enabled,
        Duration idleTimeout,
        Duration countdown,
        long scanMaxGapMillis,
        java.util.regex.Pattern scanPattern) {

    public static final Duration DEFAULT_IDLE = Duration.ofSeconds(180);
    public static final Duration DEFAULT_COUNTDOWN = Duration.ofSeconds(15);

    public KioskSettings {
        if (idleTimeout == null || idleTimeout.isNegative() || idleTimeout.isZero()) idleTimeout = DEFAULT_IDLE;
        if (countdown == null || countdown.isNegative()) countdown = DEFAULT_COUNTDOWN;
        if (countdown.compareTo(idleTimeout) >= 0) countdown = idleTimeout.dividedBy(2);
        if (scanMaxGapMillis <= 0) scanMaxGapMillis = 50;
    }

    public static KioskSettings desktop() {
        return new KioskSettings(false, DEFAULT_IDLE, DEFAULT_COUNTDOWN, 50, null);
    }

    public static KioskSettings kiosk() {
        return new KioskSettings(true, DEFAULT_IDLE, DEFAULT_COUNTDOWN, 50, null);
    }

    public KioskSettings withEnabled(boolean on) {
        return new KioskSettings(on, idleTimeout, countdown, scanMaxGapMillis, scanPattern);
    }

    public KioskSettings withIdle(Duration idle, Duration count) {
        return new KioskSettings(enabled, idle, count, scanMaxGapMillis, scanPattern);
    }
}
