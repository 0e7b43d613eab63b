package com.shopassist.app.ui.kiosk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyboardLayoutTest {

    private static List<String> keys(KeyboardLayout l) {
        return l.rows().stream().flatMap(List::stream).toList();
    }

    @Test
    void bothLayoutsHaveEveryLetterDigitAndTheSpecialKeys() {
        for (KeyboardLayout l : List.of(KeyboardLayout.english(), KeyboardLayout.indonesian())) {
            List<String> k = keys(l);
            for (char c = 'a'; c <= 'z'; c++) assertThat(k).contains(String.valueOf(c));
            for (char c = '0'; c <= '9'; c++) assertThat(k).contains(String.valueOf(c));
            assertThat(k)
                    .contains(
                            "@",
                            KeyboardLayout.SPACE,
                            KeyboardLayout.ENTER,
                            KeyboardLayout.BACKSPACE,
                            KeyboardLayout.SHIFT);
        }
    }

    @Test
    void theIndonesianLayoutOffersIndonesianShortcuts() {
        assertThat(keys(KeyboardLayout.indonesian())).contains(".co.id", "Rp");
        assertThat(keys(KeyboardLayout.english())).contains(".com").doesNotContain(".co.id");
        assertThat(KeyboardLayout.forLanguage("id").language()).isEqualTo("id");
        assertThat(KeyboardLayout.forLanguage("fr").language()).isEqualTo("en");
    }

    @Test
    void shiftCapitalisesLettersOnly() {
        assertThat(KeyboardLayout.typed("a", true)).isEqualTo("A");
        assertThat(KeyboardLayout.typed("1", true)).isEqualTo("1");
        assertThat(KeyboardLayout.typed(".co.id", true)).isEqualTo(".co.id");
        assertThat(KeyboardLayout.typed(KeyboardLayout.SPACE, false)).isEqualTo(" ");
    }

    @Test
    void kioskSettingsDefaultToThreeMinutesAndFifteenSecondsAndRepairNonsense() {
        KioskSettings k = KioskSettings.kiosk();
        assertThat(k.idleTimeout()).isEqualTo(Duration.ofSeconds(180));
        assertThat(k.countdown()).isEqualTo(Duration.ofSeconds(15));
        KioskSettings odd = new KioskSettings(true, Duration.ofSeconds(10), Duration.ofSeconds(60), 0, null);
        assertThat(odd.countdown()).isLessThan(odd.idleTimeout());
        assertThat(odd.scanMaxGapMillis()).isPositive();
    }
}
