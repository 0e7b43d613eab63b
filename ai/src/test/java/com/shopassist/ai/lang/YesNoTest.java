package com.shopassist.ai.lang;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** One yes/no vocabulary for both assistants: what the chain reads as an answer to its question. */
class YesNoTest {

    @Test
    void yesAndNoInBothLanguages() {
        for (String y :
                new String[] {"yes", "Ya", "iya!", "ok", "oke lanjut", "boleh", "Yes please.", "please do", "iyaaa"})
            assertThat(YesNo.isYes(y)).as(y).isTrue();
        for (String n : new String[] {"no", "tidak", "Nggak", "batal", "cancel", "gak jadi", "don't", "no thanks"})
            assertThat(YesNo.isNo(n)).as(n).isTrue();
        assertThat(YesNo.isYes("yes, but show me red ones first")).isFalse();
        assertThat(YesNo.isNo("no idea what to buy")).isFalse();
    }

    @Test
    void thanksWithAWeakYesIsThanksNotAYes() {
        assertThat(YesNo.of("ok thanks")).isNull();
        assertThat(YesNo.of("makasih ya")).isNull();
        assertThat(YesNo.of("yes thanks")).isEqualTo(YesNo.Answer.YES);
    }

    @Test
    void mauIsAYesOnlyWhenNothingWasPointedAt() {
        assertThat(YesNo.of("mau", false)).isEqualTo(YesNo.Answer.YES);
        assertThat(YesNo.of("mau", true)).isNull();
        // as typed (the chain's check): "mau dong" is a yes, "mau yang itu" picks a product
        assertThat(YesNo.of("Mau dong")).isEqualTo(YesNo.Answer.YES);
        assertThat(YesNo.of("saya mau")).isEqualTo(YesNo.Answer.YES);
        for (String picks : new String[] {"mau yang itu", "mau itu", "mau ini", "mau yang tadi", "mau yang sama"})
            assertThat(YesNo.of(picks)).as(picks).isNull();
        assertThat(YesNo.of("ya yang itu")).isEqualTo(YesNo.Answer.YES);
    }

    @Test
    void waitingAndStoppingAreNoNeverYes() {
        for (String n : new String[] {
            "stop",
            "wait",
            "later",
            "not now",
            "hold on",
            "nanti",
            "nanti aja",
            "nanti dulu",
            "tunggu",
            "gak mau",
            "nggak mau",
            "jangan",
            "skip"
        }) assertThat(YesNo.of(n)).as(n).isEqualTo(YesNo.Answer.NO);
    }

    @Test
    void emptyOrLongMessagesAreNoAnswer() {
        assertThat(YesNo.of("")).isNull();
        assertThat(YesNo.of(null)).isNull();
        assertThat(YesNo.of("yes yes yes yes yes yes")).isNull();
    }
}
