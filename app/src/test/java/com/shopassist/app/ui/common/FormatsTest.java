package com.shopassist.app.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopassist.core.money.Money;
import org.junit.jupiter.api.Test;

class FormatsTest {

    @Test
    void rupiahUsesDotsForThousandsAndNoDecimals() {
        assertThat(Formats.rupiah(Money.of(1_250_000))).isEqualTo("Rp 1.250.000");
        assertThat(Formats.rupiah(Money.ZERO)).isEqualTo("Rp 0");
    }

    @Test
    void aDiscountShowsAsADeduction() {
        assertThat(Formats.minus(Money.of(50_000))).isEqualTo("-Rp 50.000");
        assertThat(Formats.minus(Money.ZERO)).isEqualTo("Rp 0");
    }

    @Test
    void pricesTypedTheWayShoppersWriteThemAreRead() {
        assertThat(Formats.parseRupiah("1.250.000")).isEqualTo(Money.of(1_250_000));
        assertThat(Formats.parseRupiah("Rp 500000")).isEqualTo(Money.of(500_000));
        assertThat(Formats.parseRupiah("50rb")).isEqualTo(Money.of(50_000));
        assertThat(Formats.parseRupiah("1,5jt")).isEqualTo(Money.of(1_500_000));
        assertThat(Formats.parseRupiah("200k")).isEqualTo(Money.of(200_000));
    }

    @Test
    void blankOrUnreadablePricesAreNoFilter() {
        assertThat(Formats.parseRupiah("")).isNull();
        assertThat(Formats.parseRupiah("  ")).isNull();
        assertThat(Formats.parseRupiah("cheap")).isNull();
        assertThat(Formats.parseRupiah("99999999999999999999")).isNull();
    }
}
