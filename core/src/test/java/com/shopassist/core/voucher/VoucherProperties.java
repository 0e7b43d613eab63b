package com.shopassist.core.voucher;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopassist.core.money.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

class VoucherProperties {

    static final Instant NOW = Instant.parse("2026-11-25T03:00:00Z");
    static final VoucherRules RULES = new VoucherRules(ZoneId.of("Asia/Jakarta"));

    @Property(tries = 500)
    void totalIsNeverNegativeAndDiscountNeverExceedsTheCapOrAnyLine(
            @ForAll @Size(min = 1, max = 8) List<@LongRange(min = 0, max = 50_000_000) Long> lineAmounts,
            @ForAll boolean percent,
            @ForAll @IntRange(min = 1, max = 100) int percentValue,
            @ForAll @LongRange(min = 1, max = 100_000_000) long fixedValue,
            @ForAll @LongRange(min = 1, max = 10_000_000) long cap,
            @ForAll boolean capped) {
        Voucher v = new Voucher(
                1,
                "P",
                "",
                percent ? DiscountType.PERCENT : DiscountType.FIXED,
                BigDecimal.valueOf(percent ? percentValue : fixedValue),
                Money.ZERO,
                capped ? Money.of(cap) : null,
                null,
                0,
                NOW.minusSeconds(1),
                NOW.plusSeconds(1),
                true);
        List<Money> lines = lineAmounts.stream().map(Money::of).toList();

        VoucherRules.Priced p = RULES.price(lines, v, NOW);

        assertThat(p.total().isNegative()).isFalse();
        assertThat(p.discount().isNegative()).isFalse();
        if (capped) assertThat(p.discount()).isLessThanOrEqualTo(Money.of(cap));
        assertThat(p.discount()).isLessThanOrEqualTo(p.subtotal());
        assertThat(p.total()).isEqualTo(p.subtotal().minus(p.discount()));
        assertThat(p.lineDiscounts().stream().reduce(Money.ZERO, Money::plus)).isEqualTo(p.discount());
        for (int i = 0; i < lines.size(); i++) {
            assertThat(p.lineDiscounts().get(i)).isLessThanOrEqualTo(lines.get(i));
            assertThat(p.lineDiscounts().get(i).isNegative()).isFalse();
        }
    }
}
