package com.shopassist.app.ui.kiosk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IdleMonitorTest {

    private final AtomicLong now = new AtomicLong(0);
    private final AtomicInteger resets = new AtomicInteger();
    private final AtomicBoolean somethingToClear = new AtomicBoolean(true);
    private IdleMonitor monitor;

    @BeforeEach
    void setUp() {
        monitor = new IdleMonitor(
                Duration.ofSeconds(180),
                Duration.ofSeconds(15),
                now::get,
                somethingToClear::get,
                resets::incrementAndGet);
    }

    private void at(long seconds) {
        now.set(seconds * 1000);
        monitor.tick();
    }

    @Test
    void staysActiveUntilTheCountdownStarts() {
        at(164);
        assertThat(monitor.phase()).isEqualTo(IdleMonitor.Phase.ACTIVE);
        assertThat(resets).hasValue(0);
    }

    @Test
    void warnsFifteenSecondsBeforeTheResetAndCountsDown() {
        at(165);
        assertThat(monitor.phase()).isEqualTo(IdleMonitor.Phase.WARNING);
        assertThat(monitor.secondsLeftProperty().get()).isEqualTo(15);
        at(172);
        assertThat(monitor.secondsLeftProperty().get()).isEqualTo(8);
    }

    @Test
    void resetsAfterOneHundredEightySecondsWithoutInput() {
        at(170);
        at(180);
        assertThat(resets).hasValue(1);
        assertThat(monitor.phase()).isEqualTo(IdleMonitor.Phase.ACTIVE);
    }

    @Test
    void aTouchDuringTheCountdownKeepsTheSession() {
        at(170);
        monitor.activity();
        assertThat(monitor.phase()).isEqualTo(IdleMonitor.Phase.ACTIVE);
        at(200);
        assertThat(resets).hasValue(0);
        at(350);
        assertThat(resets).hasValue(1);
    }

    @Test
    void anUntouchedKioskIsNeverWarnedNorReset() {
        somethingToClear.set(false);
        at(170);
        at(400);
        assertThat(monitor.phase()).isEqualTo(IdleMonitor.Phase.ACTIVE);
        assertThat(resets).hasValue(0);
    }

    @Test
    void startOverResetsAtOnce() {
        at(170);
        monitor.resetNow();
        assertThat(resets).hasValue(1);
        assertThat(monitor.phase()).isEqualTo(IdleMonitor.Phase.ACTIVE);
    }

    @Test
    void aConfiguredShortTimeoutIsHonoured() {
        IdleMonitor quick = new IdleMonitor(
                Duration.ofSeconds(30), Duration.ofSeconds(10), now::get, () -> true, resets::incrementAndGet);
        now.set(19_000);
        quick.tick();
        assertThat(quick.phase()).isEqualTo(IdleMonitor.Phase.ACTIVE);
        now.set(20_000);
        quick.tick();
        assertThat(quick.phase()).isEqualTo(IdleMonitor.Phase.WARNING);
        now.set(30_000);
        quick.tick();
        assertThat(resets).hasValue(1);
    }
}
