package com.shopassist.ai.gemini;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AmountsTest {

    @Test
    void amountsWithACurrencyAreRead() {
        assertThat(Amounts.values("Rp 1.250.000, Rp1,250,000, IDR 1.250.000, Rp. 2 juta, Rp 1.250.000,00, Rp 699000"))
                .containsExactly(1_250_000L, 1_250_000L, 1_250_000L, 2_000_000L, 1_250_000L, 699_000L);
    }

    @Test
    void amountsWithAScaleWordAndNoCurrencyAreRead() {
        assertThat(Amounts.values("1,25 juta, 1.2jt, 800 ribu, 800rb, 800k, 1.5 million, 2 jt"))
                .containsExactly(1_250_000L, 1_200_000L, 800_000L, 800_000L, 800_000L, 1_500_000L, 2_000_000L);
    }

    @Test
    void bareNumbersGroupedInThousandsAreRead() {
        assertThat(Amounts.values("harganya 1.250.000 saja, or 1,250,000 if you like"))
                .containsExactly(1_250_000L, 1_250_000L);
    }

    @Test
    void numbersThatAreNotMoneyAreNot() {
        assertThat(Amounts.values("a 5.000 mAh battery, 10.000 steps, a 4K screen, No. 5, 4.5 stars, since 2024,"
                        + " the WH-1000XM5, 12.000 terjual"))
                .isEmpty();
    }

    @Test
    void eachAmountKnowsWhereItStands() {
        String s = "The JBL is 1,25 juta.";
        Amounts.Amount a = Amounts.read(s).get(0);
        assertThat(s.substring(a.start(), a.end())).isEqualTo("1,25 juta");
    }
}
