package com.shopassist.core.money;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

class MoneyAllocationProperties {

    @Property(tries = 1000)
    void partsSumToTheAmountAndStayWithinOneRupiahOfTheExactShare(
            @ForAll @Size(min = 1, max = 10) List<@LongRange(min = 1, max = 10_000_000) Long> weights,
            @ForAll @LongRange(min = 0, max = 1_000_000_000) long seed) {
        long total = weights.stream().mapToLong(Long::longValue).sum();
        long amount = seed % (total + 1); // never more than the weights: a discount of a subtotal
        List<Money> parts =
                Money.of(amount).allocate(weights.stream().map(Money::of).toList());
        assertThat(parts.stream().reduce(Money.ZERO, Money::plus)).isEqualTo(Money.of(amount));
        for (int i = 0; i < parts.size(); i++) {
            double exact = (double) amount * weights.get(i) / total;
            assertThat((double) parts.get(i).toLong()).isBetween(Math.floor(exact) - 0.5, Math.ceil(exact) + 0.5);
            assertThat(parts.get(i).toLong()).isBetween(0L, weights.get(i));
        }
    }
}
