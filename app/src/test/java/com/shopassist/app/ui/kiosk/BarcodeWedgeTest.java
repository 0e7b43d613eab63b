package com.shopassist.app.ui.kiosk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class BarcodeWedgeTest {

    private static Optional<String> type(BarcodeWedge w, String text, long start, long gap) {
        long t = start;
        for (char c : text.toCharArray()) {
            w.typed(c, t);
            t += gap;
        }
        return w.typed('\n', t);
    }

    @Test
    void aFastBurstEndingInEnterIsAScan() {
        assertThat(type(new BarcodeWedge(50, 6), "8991234567890", 1_000, 8)).contains("8991234567890");
    }

    @Test
    void aPersonTypingTheSameDigitsIsNotAScan() {
        assertThat(type(new BarcodeWedge(50, 6), "8991234567890", 1_000, 180)).isEmpty();
    }

    @Test
    void aShortBurstIsNotAScan() {
        assertThat(type(new BarcodeWedge(50, 6), "12345", 1_000, 5)).isEmpty();
    }

    @Test
    void slowTypingBeforeTheBurstIsNotPartOfTheCode() {
        BarcodeWedge w = new BarcodeWedge(50, 6);
        w.typed('h', 0);
        w.typed('i', 400);
        assertThat(type(w, "4006381333931", 2_000, 10)).contains("4006381333931");
    }

    @Test
    void anEnterLongAfterTheBurstIsTheShopperPressingEnter() {
        BarcodeWedge w = new BarcodeWedge(50, 6);
        for (char c : "4006381333931".toCharArray()) w.typed(c, 100);
        assertThat(w.typed('\n', 2_000)).isEmpty();
    }

    @Test
    void twoScansInARowAreBothRecognised() {
        BarcodeWedge w = new BarcodeWedge(50, 6);
        assertThat(type(w, "1111111111116", 0, 5)).contains("1111111111116");
        assertThat(type(w, "2222222222222", 5_000, 5)).contains("2222222222222");
    }

    @Test
    void pendingCountsTheCurrentBurst() {
        BarcodeWedge w = new BarcodeWedge(50, 6);
        w.typed('1', 0);
        w.typed('2', 5);
        assertThat(w.pending()).isEqualTo(2);
        w.typed('3', 900);
        assertThat(w.pending()).isEqualTo(1);
    }
}
