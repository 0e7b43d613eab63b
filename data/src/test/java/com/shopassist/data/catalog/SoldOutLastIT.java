package com.shopassist.data.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopassist.core.cart.CartOwner;
import com.shopassist.core.catalog.Product;
import com.shopassist.core.catalog.ProductQuery;
import com.shopassist.core.catalog.ProductSort;
import com.shopassist.core.catalog.StockBadge;
import com.shopassist.core.common.CommerceSettings;
import com.shopassist.core.common.Page;
import com.shopassist.data.CommerceFixture;
import com.shopassist.data.CommerceServices;
import com.shopassist.data.MutableClock;
import com.shopassist.data.db.Database;
import com.shopassist.data.testing.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What can be bought comes first in every search, what is sold out last with its badge: by
 * relevance (the best match is sold out here), by price, browsing a category, across pages; and
 * "sold out" counts the live holds of other carts, not only an empty shelf.
 */
class SoldOutLastIT {

    static Database db;
    static CommerceFixture fx;
    static CommerceServices services;
    static long lamps;
    static long bestMatch;
    static long emptyShelf;
    static long allHeld;
    static final List<Long> inStock = new ArrayList<>();

    @BeforeAll
    static void up() {
        db = TestDatabase.fresh(4);
        fx = new CommerceFixture(db);
        lamps = fx.category("Lamps", "Lampu");
        // the best match for "reading lamp" by name, and sold out
        bestMatch = fx.product(lamps, "Reading Lamp Reading Light Lamp", "Lumo", 300_000, 0);
        emptyShelf = fx.product(lamps, "Desk Reading Lamp Slim", "Lumo", 150_000, 0);
        allHeld = fx.product(lamps, "Reading Lamp Clip", "Terang", 90_000, 2);
        for (int i = 0; i < 6; i++) {
            inStock.add(
                    fx.product(lamps, "Floor Reading Lamp " + (char) ('A' + i), "Terang", 200_000 + i * 10_000L, 5));
        }
        services = CommerceServices.create(db, MutableClock.at("2026-11-25T03:00:00Z"), CommerceSettings.defaults());
        // another kiosk's cart holds both units of the clip lamp
        services.carts().add(CartOwner.guest("other-kiosk"), allHeld, 2);
    }

    @AfterAll
    static void down() {
        db.close();
    }

    static void assertSoldOutLast(List<Product> items) {
        List<StockBadge> badges = items.stream().map(Product::stockBadge).toList();
        int firstSoldOut = badges.indexOf(StockBadge.SOLD_OUT);
        assertThat(firstSoldOut).as("a sold-out product in " + badges).isNotNegative();
        assertThat(badges.subList(firstSoldOut, badges.size())).allMatch(b -> b == StockBadge.SOLD_OUT);
    }

    static ProductQuery query(String text, Long category, ProductSort sort, int page, int size) {
        return new ProductQuery(text, category, null, null, null, null, false, sort, page, size);
    }

    @Test
    void byRelevanceTheBestMatchThatIsSoldOutComesAfterEverythingInStock() {
        Page<Product> page = services.catalog().search(query("reading lamp", null, ProductSort.RELEVANCE, 1, 20));
        assertThat(page.items()).hasSize(9);
        assertSoldOutLast(page.items());
        assertThat(page.items().subList(6, 9))
                .extracting(Product::id)
                .containsExactlyInAnyOrder(bestMatch, emptyShelf, allHeld);
        // among the sold-out ones relevance still orders: the best match first
        assertThat(page.items().get(6).id()).isEqualTo(bestMatch);
    }

    @Test
    void byPriceAndBrowsingACategoryToo() {
        assertSoldOutLast(services.catalog()
                .search(query("lamp", null, ProductSort.PRICE_ASC, 1, 20))
                .items());
        assertSoldOutLast(services.catalog()
                .search(query(null, lamps, ProductSort.RELEVANCE, 1, 20))
                .items());
    }

    @Test
    void pagedTheOrderIsTheSameEveryProductOnceTheSoldOutOnesLast() {
        List<Long> whole =
                services.catalog().search(query("reading lamp", null, ProductSort.RELEVANCE, 1, 20)).items().stream()
                        .map(Product::id)
                        .toList();
        List<Long> paged = new ArrayList<>();
        for (int p = 1; p <= 3; p++) {
            Page<Product> page = services.catalog().search(query("reading lamp", null, ProductSort.RELEVANCE, p, 4));
            page.items().forEach(x -> paged.add(x.id()));
            if (p == 1) assertThat(page.items()).noneMatch(x -> x.stockBadge() == StockBadge.SOLD_OUT);
        }
        assertThat(paged).hasSize(9).doesNotHaveDuplicates().isEqualTo(whole);
        assertThat(paged.subList(0, 6)).containsExactlyInAnyOrderElementsOf(inStock);
        assertThat(paged.subList(6, 9)).containsExactlyInAnyOrder(bestMatch, emptyShelf, allHeld);
    }

    @Test
    void aProductWhoseHoldsHaveAllExpiredIsInStockBeforeTheSweepRuns() {
        long torches = fx.category("Torches", "Senter");
        long expiredHold = fx.product(torches, "Torch Pocket", "Terang", 40_000, 2);
        long pricier = fx.product(torches, "Torch Head", "Terang", 80_000, 5);
        long emptyTorch = fx.product(torches, "Torch Lantern", "Lumo", 120_000, 0);
        // its own clock: this kiosk's hold expires here while the other tests' holds stay live
        MutableClock later = MutableClock.at("2026-11-25T03:00:00Z");
        CommerceServices kiosk = CommerceServices.create(db, later, CommerceSettings.defaults());
        kiosk.carts().add(CartOwner.guest("expired-hold-kiosk"), expiredHold, 2);
        assertThat(kiosk.catalog()
                        .search(query(null, torches, ProductSort.PRICE_ASC, 1, 20))
                        .items())
                .extracting(Product::id)
                .containsExactly(pricier, expiredHold, emptyTorch);

        later.advance(Duration.ofMinutes(CommerceSettings.defaults().holdMinutes() + 1));
        // reserved_quantity still counts the expired hold (no sweep yet): only its live holds decide
        assertThat(fx.reservedOf(expiredHold)).isEqualTo(2);
        Page<Product> page = kiosk.catalog().search(query(null, torches, ProductSort.PRICE_ASC, 1, 20));
        assertThat(page.items()).extracting(Product::id).containsExactly(expiredHold, pricier, emptyTorch);
        assertThat(page.items().get(0).stockBadge()).isNotEqualTo(StockBadge.SOLD_OUT);
    }
}
