package com.shopassist.data.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopassist.core.cart.CartOwner;
import com.shopassist.core.catalog.Category;
import com.shopassist.core.catalog.Product;
import com.shopassist.core.catalog.ProductQuery;
import com.shopassist.core.common.CommerceSettings;
import com.shopassist.data.CommerceFixture;
import com.shopassist.data.CommerceServices;
import com.shopassist.data.MutableClock;
import com.shopassist.data.db.Database;
import com.shopassist.data.testing.TestDatabase;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CatalogCacheIT {

    static Database db;
    static CommerceFixture fx;
    static MutableClock clock = MutableClock.at("2026-11-25T03:00:00Z");
    static CommerceServices s;
    static long category;

    @BeforeAll
    static void up() {
        db = TestDatabase.fresh(4);
        fx = new CommerceFixture(db);
        s = CommerceServices.create(db, clock, CommerceSettings.defaults());
        category = fx.category("Cache", null);
    }

    @AfterAll
    static void down() {
        db.close();
    }

    @Test
    void stockIsCachedForAMinuteUnlessOurOwnWriteChangesIt() {
        long p = fx.product(category, "Cached Stock", "Brand", 10_000, 10);
        assertThat(s.stock().stock(p).orElseThrow().available()).isEqualTo(10);

        fx.exec("UPDATE tbl_product SET stock_quantity = 7 WHERE product_id = " + p); // behind the cache's back
        assertThat(s.stock().stock(p).orElseThrow().available()).isEqualTo(10);

        s.carts().add(CartOwner.guest("cache-writer"), p, 2); // a write through the services invalidates
        assertThat(s.stock().stock(p).orElseThrow().available()).isEqualTo(5);
        assertThat(s.catalog().product(p).orElseThrow().available()).isEqualTo(5);

        fx.exec("UPDATE tbl_product SET stock_quantity = 9 WHERE product_id = " + p);
        clock.advance(Duration.ofSeconds(61)); // the TTL covers writes of other kiosks
        assertThat(s.stock().stock(p).orElseThrow().stockQuantity()).isEqualTo(9);
    }

    @Test
    void inStockQueriesForgetAProductThatJustSoldOut() {
        long p = fx.product(category, "Zebra Lamp Unique", "Brand", 10_000, 1);
        ProductQuery q = ProductQuery.text("zebra lamp unique").withInStockOnly(true);
        assertThat(s.catalog().search(q).items()).extracting(Product::id).containsExactly(p);

        s.carts().add(CartOwner.guest("cache-last-one"), p, 1);

        assertThat(s.catalog().search(q).items()).isEmpty();
        assertThat(s.catalog()
                        .search(ProductQuery.text("zebra lamp unique"))
                        .items()
                        .get(0)
                        .available())
                .isZero();
    }

    @Test
    void categoriesAreCachedUntilTheCatalogIsSaidToHaveChanged() {
        int before = s.catalog().categories().size();
        fx.category("Brand New Category", "Kategori Baru");
        assertThat(s.catalog().categories()).hasSize(before);
        s.catalogChanged();
        assertThat(s.catalog().categories()).extracting(Category::name).contains("Brand New Category");
    }

    @Test
    void queriesAndCategoriesExpireWithTheirTtl() {
        fx.product(category, "Quokka Plush", "Brand", 10_000, 1);
        assertThat(s.catalog().search(ProductQuery.text("quokka")).total()).isEqualTo(1);
        fx.product(category, "Quokka Mug", "Brand", 20_000, 1);
        assertThat(s.catalog().search(ProductQuery.text("quokka")).total()).isEqualTo(1);
        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        assertThat(s.catalog().search(ProductQuery.text("quokka")).total()).isEqualTo(2);
    }
}
