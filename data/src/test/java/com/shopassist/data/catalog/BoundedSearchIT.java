package com.shopassist.data.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopassist.core.catalog.Product;
import com.shopassist.core.catalog.ProductQuery;
import com.shopassist.core.catalog.ProductSort;
import com.shopassist.core.common.Page;
import com.shopassist.data.CommerceFixture;
import com.shopassist.data.db.Database;
import com.shopassist.data.testing.TestDatabase;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A relevance search reads and counts a bounded number of hits (decision 0109). 3,000 pots whose
 * descriptions mention a kettle, stored first, and one product named "Kettle", stored last: more
 * hits than the bound, and the one named for the word lies past the first 1,000 hits the index
 * returns.
 */
class BoundedSearchIT {

    static final int POTS = 3000;
    static final int TEAPOTS = 300;
    static long named;
    static long teaware;
    static Database db;
    static MyBatisCatalogRepository search;

    @BeforeAll
    static void up() {
        db = TestDatabase.fresh(2);
        CommerceFixture fx = new CommerceFixture(db);
        teaware = fx.category("Teaware", "Peralatan teh");
        long kitchen = fx.category("Kitchen", "Dapur");
        fx.products(kitchen, "Stock Pot", 100000, "A steel pot for soup; boils water as fast as a kettle.", POTS);
        fx.products(teaware, "Tea Pot", 50000, "Porcelain pot; fill it from the kettle.", TEAPOTS);
        named = fx.product(kitchen, "Prima Electric Kettle 1.7 L", "Prima", 250000, 5, "Home", "Boils in 3 minutes.");
        fx.exec("ANALYZE tbl_product");
        search = new MyBatisCatalogRepository(db.mapper(CatalogMapper.class));
    }

    @AfterAll
    static void down() {
        db.close();
    }

    @Test
    void moreHitsThanTheBoundAreCountedAsMoreThanTheBound() {
        Page<Product> page = search.search(ProductQuery.text("kettle"), Instant.now());

        assertThat(page.moreThanTotal()).isTrue();
        assertThat(page.total()).isEqualTo(MyBatisCatalogRepository.TOTAL_BOUND);
        assertThat(page.items()).hasSize(20);
        assertThat(page.totalPages()).isEqualTo(MyBatisCatalogRepository.TOTAL_BOUND / 20);
    }

    @Test
    void theProductNamedForTheWordsComesFirstAmongThousandsThatOnlyDescribeThem() {
        Page<Product> page = search.search(ProductQuery.text("kettle"), Instant.now());

        assertThat(page.items().get(0).id()).isEqualTo(named);
    }

    @Test
    void theLastPageWithinTheBoundIsFullAndThePageBeyondItSaysSo() {
        int lastPage = MyBatisCatalogRepository.TOTAL_BOUND / 20;
        Page<Product> last = search.search(ProductQuery.text("kettle").withPage(lastPage, 20), Instant.now());
        Page<Product> beyond = search.search(ProductQuery.text("kettle").withPage(lastPage + 1, 20), Instant.now());

        assertThat(last.items()).hasSize(20);
        assertThat(last.beyondBound()).isFalse();
        assertThat(beyond.items()).isEmpty();
        assertThat(beyond.moreThanTotal()).isTrue();
        assertThat(beyond.total()).isEqualTo(MyBatisCatalogRepository.TOTAL_BOUND);
        assertThat(beyond.beyondBound()).isTrue();
    }

    @Test
    void fewerHitsThanTheBoundAreCountedExactly() {
        Page<Product> tea = search.search(ProductQuery.text("kettle").withCategory(teaware), Instant.now());
        Page<Product> pastTheEnd =
                search.search(ProductQuery.text("kettle").withCategory(teaware).withPage(99, 20), Instant.now());

        assertThat(tea.moreThanTotal()).isFalse();
        assertThat(tea.total()).isEqualTo(TEAPOTS);
        assertThat(pastTheEnd.items()).isEmpty();
        assertThat(pastTheEnd.total()).isEqualTo(TEAPOTS);
        assertThat(pastTheEnd.beyondBound()).isFalse();
    }

    @Test
    void otherOrdersKeepExactTotals() {
        Page<Product> cheapest =
                search.search(ProductQuery.text("kettle").withSort(ProductSort.PRICE_ASC), Instant.now());

        assertThat(cheapest.moreThanTotal()).isFalse();
        assertThat(cheapest.total()).isEqualTo(POTS + TEAPOTS + 1);
        assertThat(cheapest.items().get(0).name()).isEqualTo("Tea Pot 1");
    }
}
