package com.shopassist.data.stock;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopassist.core.cart.CartOwner;
import com.shopassist.core.common.CommerceSettings;
import com.shopassist.data.CommerceFixture;
import com.shopassist.data.CommerceServices;
import com.shopassist.data.MutableClock;
import com.shopassist.data.db.Database;
import com.shopassist.data.testing.TestDatabase;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The cached stock level (decision 0113): exact about hold expiry while cached, without loading
 * every live hold of a product.
 */
class StockCacheIT {

    static Database db;
    static CommerceFixture fx;
    static long category;

    @BeforeAll
    static void up() {
        db = TestDatabase.fresh(4);
        fx = new CommerceFixture(db);
        category = fx.category("Kitchen", "Dapur");
    }

    @AfterAll
    static void down() {
        db.close();
    }

    @Test
    void anEntryLoadsOnlyTheHoldsThatCanExpireWhileItLivesAndCountsThemAll() {
        MutableClock clock = MutableClock.at("2026-11-25T03:00:00Z");
        long rice = fx.product(category, "Rice 5kg", "Topi Koki", 80_000, 10_000);
        Instant now = clock.instant();
        holds(rice, 500, 1, now.plus(Duration.ofMinutes(25))); // long-lived: counted, not loaded
        holds(rice, 3, 2, now.plus(Duration.ofSeconds(30))); // expire while cached: loaded
        holds(rice, 4, 5, now.minus(Duration.ofMinutes(3))); // expired, not yet swept: not counted
        StockCache cache = new StockCache(db.mapper(StockMapper.class), clock);

        StockCache.Snapshot snapshot = cache.get(rice).orElseThrow();

        assertThat(snapshot.holdExpiries()).hasSize(3);
        assertThat(snapshot.levelAt(now).held()).isEqualTo(506);
        assertThat(snapshot.levelAt(now).available()).isEqualTo(10_000 - 506);
    }

    @Test
    void aCachedLevelStopsCountingAHoldAtItsExactExpiry() {
        MutableClock clock = MutableClock.at("2026-11-25T03:00:00Z");
        long oil = fx.product(category, "Cooking Oil", "Bimoli", 40_000, 20);
        Instant expiry = clock.instant().plus(Duration.ofSeconds(40));
        holds(oil, 1, 3, expiry);
        holds(oil, 1, 2, clock.instant().plus(Duration.ofMinutes(30)));
        StockCache cache = new StockCache(db.mapper(StockMapper.class), clock);
        assertThat(cache.get(oil).orElseThrow().levelAt(clock.instant()).available())
                .isEqualTo(15);

        clock.set(expiry.minusMillis(1));
        long loads = cache.stats().missCount();
        assertThat(cache.get(oil).orElseThrow().levelAt(clock.instant()).available())
                .isEqualTo(15);
        clock.set(expiry);
        assertThat(cache.get(oil).orElseThrow().levelAt(clock.instant()).available())
                .isEqualTo(18);
        assertThat(cache.stats().missCount()).isEqualTo(loads); // from the cached entry
    }

    @Test
    void aClockSetBackLoadsTheEntryAgainInsteadOfGuessing() {
        MutableClock clock = MutableClock.at("2026-11-25T03:00:00Z");
        long salt = fx.product(category, "Salt", "Refina", 5_000, 10);
        Instant start = clock.instant();
        // expired 5 minutes before the load: outside the entry's window, so uncounted from it
        holds(salt, 1, 4, start.minus(Duration.ofMinutes(5)));
        StockCache cache = new StockCache(db.mapper(StockMapper.class), clock);
        assertThat(cache.get(salt).orElseThrow().levelAt(start).available()).isEqualTo(10);

        clock.set(start.minus(Duration.ofMinutes(10))); // when that hold was still live
        assertThat(cache.get(salt).orElseThrow().levelAt(clock.instant()).available())
                .isEqualTo(6);
    }

    @Test
    void addingMoreOfAHeldLineShowsInTheNextCachedLevel() {
        MutableClock clock = MutableClock.at("2026-11-25T03:00:00Z");
        CommerceServices s = CommerceServices.create(db, clock, CommerceSettings.defaults());
        long tea = fx.product(category, "Tea", "Sariwangi", 15_000, 10);
        CartOwner owner = CartOwner.guest("cache-more");
        s.carts().add(owner, tea, 2);
        assertThat(s.stock().stock(tea).orElseThrow().available()).isEqualTo(8);

        s.carts().add(owner, tea, 3);
        assertThat(s.stock().stock(tea).orElseThrow().available()).isEqualTo(5);
        s.carts().setQuantity(owner, tea, 1);
        assertThat(s.stock().stock(tea).orElseThrow().available()).isEqualTo(9);
    }

    /** {@code n} holds of {@code quantity} on the product, each in no cart, counted in its reserved count. */
    static void holds(long productId, int n, int quantity, Instant expiresAt) {
        for (int i = 0; i < n; i++) {
            fx.queryLong(
                    "INSERT INTO tbl_stock_hold (product_id, quantity, created_at, expires_at)"
                            + " VALUES (?, ?, ?, ?) RETURNING hold_id",
                    productId,
                    quantity,
                    Timestamp.from(expiresAt.minus(Duration.ofMinutes(30))),
                    Timestamp.from(expiresAt));
        }
        fx.queryLong(
                "UPDATE tbl_product SET reserved_quantity = reserved_quantity + ? WHERE product_id = ?"
                        + " RETURNING reserved_quantity",
                n * quantity,
                productId);
    }
}
