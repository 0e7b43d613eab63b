package com.shopassist.core.voucher;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopassist.core.money.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class VoucherRulesTest {

    static final Instant NOW = Instant.parse("2026-11-25T03:00:00Z");
    static final VoucherRules RULES = new VoucherRules(ZoneId.of("Asia/Jakarta"));

    static Voucher voucher(
            DiscountType type,
            long value,
            long min,
            Long cap,
            Integer limit,
            int used,
            Instant from,
            Instant until,
            boolean active) {
        return new Voucher(
                1,
                "CODE",
                "",
                type,
                BigDecimal.valueOf(value),
                Money.of(min),
                cap == null ? null : Money.of(cap),
                limit,
                used,
                from,
                until,
                active);
    }

    static Voucher percent(long value, Long cap) {
        return voucher(DiscountType.PERCENT, value, 0, cap, null, 0, NOW.minusSeconds(1), NOW.plusSeconds(3600), true);
    }

    static Voucher fixed(long value, long min) {
        return voucher(DiscountType.FIXED, value, min, null, null, 0, NOW.minusSeconds(1), NOW.plusSeconds(3600), true);
    }

    @Test
    void percentOfTheSubtotalRoundsHalfUpToWholeRupiah() {
        assertThat(VoucherRules.discount(percent(15, null), Money.of(33_333))).isEqualTo(Money.of(5_000));
        assertThat(VoucherRules.discount(percent(15, null), Money.of(10_001))).isEqualTo(Money.of(1_500));
        assertThat(VoucherRules.discount(percent(10, null), Money.of(15))).isEqualTo(Money.of(2)); // 1.5 -> 2
    }

    @Test
    void percentIsCappedByMaxDiscount() {
        assertThat(VoucherRules.discount(percent(50, 100_000L), Money.of(1_000_000)))
                .isEqualTo(Money.of(100_000));
        assertThat(VoucherRules.discount(percent(50, 100_000L), Money.of(100_000)))
                .isEqualTo(Money.of(50_000));
    }

    @Test
    void fixedNeverExceedsTheSubtotal() {
        assertThat(VoucherRules.discount(fixed(50_000, 0), Money.of(30_000))).isEqualTo(Money.of(30_000));
        assertThat(VoucherRules.discount(fixed(50_000, 0), Money.of(300_000))).isEqualTo(Money.of(50_000));
    }

    @Test
    void minimumPurchaseIsInclusive() {
        assertThat(RULES.evaluate(fixed(10_000, 200_000), Money.of(199_999), false, NOW)
                        .reason())
                .isEqualTo(VoucherRejection.BELOW_MINIMUM_PURCHASE);
        assertThat(RULES.evaluate(fixed(10_000, 200_000), Money.of(199_999), false, NOW)
                        .message())
                .contains("Rp 200.000", "Rp 1");
        assertThat(RULES.evaluate(fixed(10_000, 200_000), Money.of(200_000), false, NOW)
                        .applies())
                .isTrue();
    }

    @Test
    void theValidityWindowIncludesItsStartAndExcludesItsEnd() {
        Voucher v = voucher(DiscountType.FIXED, 1_000, 0, null, null, 0, NOW, NOW.plusSeconds(60), true);
        assertThat(RULES.evaluate(v, Money.of(5_000), false, NOW.minusMillis(1)).reason())
                .isEqualTo(VoucherRejection.NOT_YET_VALID);
        assertThat(RULES.evaluate(v, Money.of(5_000), false, NOW).applies()).isTrue();
        assertThat(RULES.evaluate(v, Money.of(5_000), false, NOW.plusSeconds(60))
                        .reason())
                .isEqualTo(VoucherRejection.EXPIRED);
    }

    @Test
    void inactiveUsedUpAndEmptyCartEachHaveTheirReason() {
        Voucher inactive =
                voucher(DiscountType.FIXED, 1_000, 0, null, null, 0, NOW.minusSeconds(1), NOW.plusSeconds(9), false);
        Voucher usedUp =
                voucher(DiscountType.FIXED, 1_000, 0, null, 3, 3, NOW.minusSeconds(1), NOW.plusSeconds(9), true);
        Voucher oneLeft =
                voucher(DiscountType.FIXED, 1_000, 0, null, 3, 2, NOW.minusSeconds(1), NOW.plusSeconds(9), true);
        assertThat(RULES.evaluate(inactive, Money.of(5_000), false, NOW).reason())
                .isEqualTo(VoucherRejection.INACTIVE);
        assertThat(RULES.evaluate(usedUp, Money.of(5_000), false, NOW).reason())
                .isEqualTo(VoucherRejection.USAGE_LIMIT_REACHED);
        assertThat(RULES.evaluate(oneLeft, Money.of(5_000), false, NOW).applies())
                .isTrue();
        assertThat(RULES.evaluate(oneLeft, Money.ZERO, true, NOW).reason()).isEqualTo(VoucherRejection.EMPTY_CART);
    }

    @Test
    void theDiscountSplitsOverLinesExactly() {
        VoucherRules.Priced priced =
                RULES.price(List.of(Money.of(33_333), Money.of(133_334), Money.of(30_003)), percent(15, null), NOW);
        assertThat(priced.discount()).isEqualTo(Money.of(29_501));
        assertThat(priced.lineDiscounts().stream().reduce(Money.ZERO, Money::plus))
                .isEqualTo(priced.discount());
        assertThat(priced.total()).isEqualTo(Money.of(196_670 - 29_501));
    }

    @Test
    void aVoucherThatDoesNotApplyPricesAtFullPriceAndSaysWhy() {
        VoucherRules.Priced priced = RULES.price(List.of(Money.of(1_000)), fixed(500, 5_000), NOW);
        assertThat(priced.discount()).isEqualTo(Money.ZERO);
        assertThat(priced.total()).isEqualTo(Money.of(1_000));
        assertThat(priced.voucherEvaluation().reason()).isEqualTo(VoucherRejection.BELOW_MINIMUM_PURCHASE);
    }
}
