package com.shopassist.data.stock;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopassist.core.cart.CartOwner;
import com.shopassist.core.common.CommerceSettings;
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

class HoldExpiryIT {

    static Database db;
    static CommerceFixture fx;
    static long category;

    @BeforeAll
    static void up() {
        db = TestDatabase.fresh(4);
        fx = new CommerceFixture(db);
        category = fx.category("Expiry", null);
    }

    @AfterAll
    static void down() {
        db.close();
    }

    @Test
    void aThirtyMinuteHoldCountsAt2959AndNotAt3000() {
        MutableClock clock = MutableClock.at("2026-11-25T10:00:00Z");
        CommerceServices s = CommerceServices.create(db, clock, CommerceSettings.defaults());
        long p = fx.product(category, "Expiring", "Brand", 10_000, 5);
        s.carts().add(CartOwner.guest("exp-1"), p, 2);
        assertThat(s.stock().stock(p).orElseThrow().available()).isEqualTo(3);

        clock.set(Instant.parse("2026-11-25T10:29:59Z"));
        assertThat(s.stock().stock(p).orElseThrow().available()).isEqualTo(3);
        assertThat(s.catalog().product(p).orElseThrow().available()).isEqualTo(3);

        clock.set(Instant.parse("2026-11-25T10:30:00Z"));
        assertThat(s.stock().stock(p).orElseThrow().available()).isEqualTo(5);
        assertThat(s.stock().stock(p).orElseThrow().held()).isZero();
        assertThat(s.catalog().product(p).orElseThrow().available()).isEqualTo(5);
        // nothing swept yet: correctness did not wait for a job
        assertThat(fx.reservedOf(p)).isEqualTo(2);
    }

    @Test
    void aCartLineShowsWhatLiveHoldsLeaveAt2959AndAt3000BeforeAnySweep() {
        MutableClock clock = MutableClock.at("2026-11-25T10:00:00Z");
        CommerceServices s = CommerceServices.create(db, clock, CommerceSettings.defaults());
        long p = fx.product(category, "Cart Line Expiring", "Brand", 10_000, 10);
        s.carts().add(CartOwner.guest("exp-line-1"), p, 2);
        clock.set(Instant.parse("2026-11-25T10:10:00Z"));
        CartOwner viewer = CartOwner.guest("exp-line-2");
        assertThat(s.carts().add(viewer, p, 3).lines().get(0).available()).isEqualTo(5);

        clock.set(Instant.parse("2026-11-25T10:29:59Z"));
        assertThat(s.carts().cart(viewer).lines().get(0).available()).isEqualTo(5);

        clock.set(Instant.parse("2026-11-25T10:30:00Z")); // the first hold expired, unswept
        assertThat(s.carts().cart(viewer).lines().get(0).available()).isEqualTo(7);
        assertThat(fx.reservedOf(p)).isEqualTo(5);

        clock.set(Instant.parse("2026-11-25T10:40:00Z")); // both expired
        assertThat(s.carts().cart(viewer).lines().get(0).available()).isEqualTo(10);
    }

    @Test
    void expiredHoldsLetOthersTakeTheStockAndAreSweptOnTheWay() {
        MutableClock clock = MutableClock.at("2026-11-25T12:00:00Z");
        CommerceServices s = CommerceServices.create(db, clock, CommerceSettings.defaults());
        long p = fx.product(category, "Last Units", "Brand", 10_000, 2);
        s.carts().add(CartOwner.guest("first"), p, 2);
        clock.advance(Duration.ofMinutes(30));

        s.carts().add(CartOwner.guest("second"), p, 2);

        assertThat(fx.reservedOf(p)).isEqualTo(2);
        assertThat(fx.movements(p, "EXPIRE")).isEqualTo(1);
        assertThat(s.stock().stock(p).orElseThrow().available()).isZero();
    }

    @Test
    void theSweeperDeletesExpiredHoldsOnly() {
        MutableClock clock = MutableClock.at("2026-11-26T08:00:00Z");
        CommerceServices s =
                CommerceServices.create(db, clock, CommerceSettings.defaults().withHoldMinutes(10));
        long p = fx.product(category, "Sweep Me", "Brand", 10_000, 10);
        s.carts().add(CartOwner.guest("old"), p, 3);
        clock.advance(Duration.ofMinutes(5));
        s.carts().add(CartOwner.guest("young"), p, 4);
        clock.advance(Duration.ofMinutes(6));

        int swept = s.stock().sweepExpiredHolds();

        assertThat(swept).isGreaterThanOrEqualTo(1);
        assertThat(fx.reservedOf(p)).isEqualTo(4);
        assertThat(fx.queryLong("SELECT count(*) FROM tbl_stock_hold WHERE product_id = ?", p))
                .isEqualTo(1);
        assertThat(s.stock().stock(p).orElseThrow().available()).isEqualTo(6);
    }
}
