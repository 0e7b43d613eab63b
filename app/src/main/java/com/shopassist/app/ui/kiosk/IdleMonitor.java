package com.shopassist.app.ui.kiosk;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The kiosk's idle reset as plain logic: the shell feeds it input ({@link #activity()}) and a
 * once-a-second {@link #tick()}; it answers with the phase. After {@code idle - countdown}
 * without input it warns ("still there?", seconds left); after {@code idle} it runs the reset.
 * A session with nothing in it (no customer, no cart, no chat) is never warned about: an
 * untouched kiosk should not nag the empty shop floor.
 */
public final class IdleMonitor {

    public enum Phase {
        ACTIVE,
        WARNING
    }

    private final long idleMillis;
    private final long countdownMillis;
    private final LongSupplier clock;
    private final BooleanSupplier worthResetting;
    private final Runnable reset;
    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(Phase.ACTIVE);
    private final ReadOnlyIntegerWrapper secondsLeft = new ReadOnlyIntegerWrapper();
    private long lastActivity;

    public IdleMonitor(
            Duration idle,
            Duration countdown,
            LongSupplier clockMillis,
            BooleanSupplier worthResetting,
            Runnable reset) {
        this.idleMillis = idle.toMillis();
        this.countdownMillis = countdown.toMillis();
        this.clock = clockMillis;
        this.worthResetting = worthResetting;
        this.reset = reset;
        this.lastActivity = clock.getAsLong();
        this.secondsLeft.set((int) (countdownMillis / 1000));
    }

    /** Any touch, key or scan: the shopper is still there. */
    public void activity() {
        lastActivity = clock.getAsLong();
        if (phase.get() != Phase.ACTIVE) phase.set(Phase.ACTIVE);
    }

    /** Called about once a second. Returns true when it has just reset the session. */
    public boolean tick() {
        long idleFor = clock.getAsLong() - lastActivity;
        if (idleFor < idleMillis - countdownMillis) {
            if (phase.get() != Phase.ACTIVE) phase.set(Phase.ACTIVE);
            return false;
        }
        if (!worthResetting.getAsBoolean()) {
            lastActivity = clock.getAsLong();
            phase.set(Phase.ACTIVE);
            return false;
        }
        if (idleFor >= idleMillis) {
            reset.run();
            lastActivity = clock.getAsLong();
            phase.set(Phase.ACTIVE);
            return true;
        }
        secondsLeft.set((int) Math.ceil((idleMillis - idleFor) / 1000.0));
        phase.set(Phase.WARNING);
        return false;
    }

    /** Resets now (the "start over" button of the countdown dialog). */
    public void resetNow() {
        reset.run();
        lastActivity = clock.getAsLong();
        phase.set(Phase.ACTIVE);
    }

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    public Phase phase() {
        return phase.get();
    }

    public ReadOnlyIntegerProperty secondsLeftProperty() {
        return secondsLeft.getReadOnlyProperty();
    }
}
