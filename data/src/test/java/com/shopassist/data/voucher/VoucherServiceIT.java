package com.shopassist.data.voucher;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopassist.core.cart.Cart;
import com.shopassist.core.cart.CartOwner;
import com.shopassist.core.common.CommerceSettings;
import com.shopassist.core.money.Money;
import com.shopassist.core.voucher.Voucher;
import com.shopassist.core.voucher.VoucherNotApplicableException;
import com.shopassist.core.voucher.VoucherRejection;
import com.shopassist.core.voucher.VoucherService;
import com.shopassist.data.CommerceFixture;
import com.shopassist.data.CommerceServices;
import com.shopassist.data.MutableClock;
import com.shopassist.data.db.Database;
import com.shopassist.data.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class VoucherServiceIT {

    static Database db;
    static CommerceFixture fx;
    static MutableClock clock = MutableClock.at("2026-11-25T03:00:00Z");
    static CommerceServices s;
    static long product;
    static Instant t0;

    @BeforeAll
    static void up() {
        db = TestDatabase.fresh(4);
        fx = new CommerceFixture(db);
        s = CommerceServices.create(db, clock, CommerceSettings.defaults());
        long category = fx.category("Vouchers", null);
        product = fx.product(category, "Voucher Item", "Brand", 100_000, 100);
        t0 = clock.instant();
        Instant past = t0.minus(Duration.ofDays(1));
        Instant future = t0.plus(Duration.ofDays(1));
        fx.voucher("PCT10", "PERCENT", 10, 0, 25_000L, null, past, future, true);
        fx.voucher("FIX50", "FIXED", 50_000, 200_000, null, null, past, future, true);
        fx.voucher("OFF", "FIXED", 5_000, 0, null, null, past, future, false);
        fx.voucher("SOON", "FIXED", 5_000, 0, null, null, future, future.plus(Duration.ofDays(1)), true);
        fx.voucher("OLD", "FIXED", 5_000, 0, null, null, past.minus(Duration.ofDays(9)), past, true);
        fx.voucher("USEDUP", "FIXED", 5_000, 0, null, 0, past, future, true);
    }

    @AfterAll
    static void down() {
        db.close();
    }

    static VoucherRejection reasonFor(CartOwner owner, String code) {
        try {
            s.carts().applyVoucher(owner, code);
            return null;
        } catch (VoucherNotApplicableException e) {
            assertThat(e.getMessage()).isNotBlank();
            return e.reason();
        }
    }

    @Test
    void usableNowListsOnlyActiveValidUnusedVouchers() {
        assertThat(s.vouchers().usableNow()).extracting(Voucher::code).containsExactly("FIX50", "PCT10");
    }

    @Test
    void everyRejectionHasItsReason() {
        CartOwner empty = CartOwner.guest("v-empty");
        assertThat(reasonFor(empty, "PCT10")).isEqualTo(VoucherRejection.EMPTY_CART);
        CartOwner owner = CartOwner.guest("v-reasons");
        s.carts().add(owner, product, 1);
        assertThat(reasonFor(owner, "NOPE")).isEqualTo(VoucherRejection.UNKNOWN_CODE);
        assertThat(reasonFor(owner, "")).isEqualTo(VoucherRejection.UNKNOWN_CODE);
        assertThat(reasonFor(owner, "OFF")).isEqualTo(VoucherRejection.INACTIVE);
        assertThat(reasonFor(owner, "SOON")).isEqualTo(VoucherRejection.NOT_YET_VALID);
        assertThat(reasonFor(owner, "OLD")).isEqualTo(VoucherRejection.EXPIRED);
        assertThat(reasonFor(owner, "USEDUP")).isEqualTo(VoucherRejection.USAGE_LIMIT_REACHED);
        assertThat(reasonFor(owner, "FIX50")).isEqualTo(VoucherRejection.BELOW_MINIMUM_PURCHASE);
        assertThat(reasonFor(owner, " pct10 ")).isNull();
    }

    @Test
    void percentIsCappedAndFixedNeedsItsMinimum() {
        CartOwner owner = CartOwner.guest("v-amounts");
        s.carts().add(owner, product, 2);
        Cart pct = s.carts().applyVoucher(owner, "PCT10");
        assertThat(pct.discount()).isEqualTo(Money.of(20_000));
        s.carts().add(owner, product, 3);
        assertThat(s.carts().cart(owner).discount()).isEqualTo(Money.of(25_000)); // 10% of 500k capped
        Cart fix = s.carts().applyVoucher(owner, "FIX50");
        assertThat(fix.voucherCode()).isEqualTo("FIX50");
        assertThat(fix.discount()).isEqualTo(Money.of(50_000));
        assertThat(fix.total()).isEqualTo(Money.of(450_000));
        Cart removed = s.carts().removeVoucher(owner);
        assertThat(removed.voucherCode()).isNull();
        assertThat(removed.discount()).isEqualTo(Money.ZERO);
    }

    @Test
    void anAppliedVoucherThatStopsApplyingSaysWhyAndGivesNoDiscount() {
        CartOwner owner = CartOwner.guest("v-problem");
        s.carts().add(owner, product, 3);
        s.carts().applyVoucher(owner, "FIX50");
        Cart shrunk = s.carts().setQuantity(owner, product, 1);
        assertThat(shrunk.voucherCode()).isEqualTo("FIX50");
        assertThat(shrunk.discount()).isEqualTo(Money.ZERO);
        assertThat(shrunk.voucherProblem()).contains("minimum purchase");
    }

    @Test
    void optionsForACartSayWhichApplyAndWhy() {
        CartOwner owner = CartOwner.guest("v-options");
        s.carts().add(owner, product, 1);
        var options = s.carts().voucherOptions(owner);
        assertThat(options).hasSize(2);
        assertThat(options.get(0).voucher().code()).isEqualTo("PCT10");
        assertThat(options.get(0).applies()).isTrue();
        assertThat(options.get(0).discount()).isEqualTo(Money.of(10_000));
        assertThat(options.get(1).reason()).isEqualTo(VoucherRejection.BELOW_MINIMUM_PURCHASE);
        VoucherService v = s.vouchers();
        assertThat(v.byCode("pct10")).isPresent();
    }
}
