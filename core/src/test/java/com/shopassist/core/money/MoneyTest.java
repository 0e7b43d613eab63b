package com.shopassist.core.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void allocationSumsExactlyAndFavoursTheLargestRemainders() {
        assertThat(Money.of(100).allocate(List.of(Money.of(1), Money.of(1), Money.of(1))))
                .containsExactly(Money.of(34), Money.of(33), Money.of(33));
        assertThat(Money.of(2).allocate(List.of(Money.of(1), Money.of(1), Money.of(1))))
                .containsExactly(Money.of(1), Money.of(1), Money.of(0));
        assertThat(Money.of(10).allocate(List.of(Money.of(30), Money.of(70))))
                .containsExactly(Money.of(3), Money.of(7));
        assertThat(Money.ZERO.allocate(List.of(Money.ZERO))).containsExactly(Money.ZERO);
    }

    @Test
    void minorUnitsAndNegativeAllocationsAreRefused() {
        assertThatThrownBy(() -> Money.of(new BigDecimal("10.50"))).isInstanceOf(IllegalArgumentException.class);
        assertThat(Money.of(new BigDecimal("10.00"))).isEqualTo(Money.of(10));
        assertThatThrownBy(() -> Money.of(-1).allocate(List.of(Money.of(1))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.of(5).allocate(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void formatsLikeAnIndonesianPriceTag() {
        assertThat(Money.of(1_250_000).format()).isEqualTo("Rp 1.250.000");
    }
}
