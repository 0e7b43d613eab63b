package com.shopassist.app.ui.kiosk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class BarcodeWedgeTest {

    static final long MS = 1_000_000L;

    /** Types {@code text} with {@code gapMs} between the events, then Enter. */
    private static Optional<String> type(BarcodeWedge w, String text, long startMs, long gapMs) {
        long t = startMs * MS;
        for (char c : text.toCharArray()) {
            w.typed(c, t);
            t += gapMs * MS;
        }
        return w.typed('\n', t);
    }

    static BarcodeWedge gtinsOnly() {
        return new BarcodeWedge(50, null);
    }

    @Test
    void aFastBurstOfAnEan13EndingInEnterIsAScan() {
        assertThat(type(gtinsOnly(), "8991234567891", 1_000, 8)).contains("8991234567891");
    }

    @Test
    void aSentenceIsNeverAScanHoweverFastItIsTyped() {
        for (long gap : new long[] {0, 1, 5, 20, 49}) {
            assertThat(type(gtinsOnly(), "ada voucher apa saja?", 1_000, gap)).isEmpty();
        }
        assertThat(type(new BarcodeWedge(50, Pattern.compile(".*")), "ada voucher apa saja?", 0, 1))
                .as("not even when the store's pattern takes anything: there are spaces")
                .isEmpty();
    }

    @Test
    void digitsWithAWrongCheckDigitAreNotAScan() {
        // a phone number, or an EAN-13 with one digit mistyped, typed by a fast hand
        assertThat(type(gtinsOnly(), "8991234567894", 1_000, 5)).isEmpty();
        assertThat(type(gtinsOnly(), "08123456789", 1_000, 5)).isEmpty();
    }

    @Test
    void everyGtinLengthWithItsCheckDigitIsABarcode() {
        assertThat(BarcodeWedge.isGtin("96385074")).isTrue(); // EAN-8
        assertThat(BarcodeWedge.isGtin("036000291452")).isTrue(); // UPC-A
        assertThat(BarcodeWedge.isGtin("4006381333931")).isTrue(); // EAN-13
        assertThat(BarcodeWedge.isGtin("10036000291459")).isTrue(); // GTIN-14 of the UPC-A above
        assertThat(BarcodeWedge.isGtin("4006381333932")).isFalse();
        assertThat(BarcodeWedge.isGtin("400638133393")).isFalse(); // 12 digits, not a UPC-A
        assertThat(BarcodeWedge.isGtin("400638133393A")).isFalse();
        assertThat(BarcodeWedge.isGtin("1234567")).isFalse();
    }

    @Test
    void theStoresOwnPatternIsAScanTooButNeverWithASpace() {
        BarcodeWedge w = new BarcodeWedge(50, Pattern.compile("SA-[0-9]{6}"));
        assertThat(type(w, "SA-004211", 0, 6)).contains("SA-004211");
        assertThat(type(w, "SA-00421", 5_000, 6)).isEmpty();
        assertThat(w.looksLikeABarcode("SA-004211 ")).isFalse();
        assertThat(type(w, "4006381333931", 9_000, 6)).contains("4006381333931");
    }

    @Test
    void aPersonTypingTheSameDigitsIsNotAScan() {
        assertThat(type(gtinsOnly(), "8991234567891", 1_000, 180)).isEmpty();
    }

    @Test
    void slowTypingBeforeTheBurstIsNotPartOfTheCode() {
        BarcodeWedge w = gtinsOnly();
        w.typed('h', 0);
        w.typed('i', 400 * MS);
        assertThat(type(w, "4006381333931", 2_000, 10)).contains("4006381333931");
    }

    @Test
    void anEnterLongAfterTheBurstIsTheShopperPressingEnter() {
        BarcodeWedge w = gtinsOnly();
        for (char c : "4006381333931".toCharArray()) w.typed(c, 100 * MS);
        assertThat(w.typed('\n', 2_000 * MS)).isEmpty();
    }

    @Test
    void twoScansInARowAreBothRecognised() {
        BarcodeWedge w = gtinsOnly();
        assertThat(type(w, "4006381333931", 0, 5)).contains("4006381333931");
        assertThat(type(w, "8991234567891", 5_000, 5)).contains("8991234567891");
    }

    @Test
    void pendingCountsTheCurrentBurst() {
        BarcodeWedge w = gtinsOnly();
        w.typed('1', 0);
        w.typed('2', 5 * MS);
        assertThat(w.pending()).isEqualTo(2);
        w.typed('3', 900 * MS);
        assertThat(w.pending()).isEqualTo(1);
    }
}
