package com.shopassist.ai.lang;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LanguageDetectorTest {

    @Test
    void theShoppersLanguageIsDetected() {
        assertThat(LanguageDetector.detect("saya mau cari headphone yang murah", Lang.EN))
                .isEqualTo(Lang.ID);
        assertThat(LanguageDetector.detect("I want cheap headphones", Lang.ID)).isEqualTo(Lang.EN);
        assertThat(LanguageDetector.detect("headphone", Lang.ID)).isEqualTo(Lang.ID);
    }

    @Test
    void rupiahShorthandIsIndonesianAndKIsEnglish() {
        assertThat(LanguageDetector.detect("headphone 500rb", Lang.EN)).isEqualTo(Lang.ID);
        assertThat(LanguageDetector.detect("headphone 500k", Lang.ID)).isEqualTo(Lang.EN);
    }
}
