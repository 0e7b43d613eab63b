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
import java.util.List;
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

    @Test
    void theStatementCountsNoFurtherThanOnePastTheBound() {
        // what the database counted, before the repository turns it into "more than": the bound,
        // plus one to know there are more (the statement of 0088 counted all 3,301)
        long counted = db.mapper(CatalogMapper.class)
                .search(params("kettle", 0, null))
                .get(0)
                .totalCount();

        assertThat(counted).isEqualTo(MyBatisCatalogRepository.TOTAL_BOUND + 1);
    }

    @Test
    void hitsByThePartOfAWordNeverCrowdOutHitsOfTheWholeWordBelowTheBound() {
        try (Database gym = TestDatabase.fresh(2)) {
            CommerceFixture fx = new CommerceFixture(gym);
            long cat = fx.category("Gym", "Gym");
            // stored first: 1,200 that match "kettle" only as the start of a word
            fx.products(cat, "Kettlebell", 300000, "", 1200);
            for (int i = 1; i <= 5; i++) fx.product(cat, "Electric Kettle " + i, "Prima", 250000, 5);
            fx.exec("ANALYZE tbl_product");
            MyBatisCatalogRepository r = new MyBatisCatalogRepository(gym.mapper(CatalogMapper.class));

            Page<Product> page = r.search(ProductQuery.text("kettle"), Instant.now());

            assertThat(page.items().subList(0, 5))
                    .extracting(Product::name)
                    .allMatch(n -> n.startsWith("Electric Kettle"));
        }
    }

    @Test
    void belowTheBoundPagesAndTotalsAreThoseOfCountingEveryHit() {
        try (Database kitchen = TestDatabase.fresh(2)) {
            CommerceFixture fx = new CommerceFixture(kitchen);
            long cat = fx.category("Kitchen", "Dapur");
            fx.products(cat, "Kettlebell", 300000, "", 400);
            fx.products(cat, "Kettle", 200000, "whistling kettle for tea", 300);
            for (int i = 1; i <= 5; i++) fx.product(cat, "Electric Kettle " + i, "Prima", 250000, i % 2);
            fx.exec("ANALYZE tbl_product");
            CatalogMapper m = kitchen.mapper(CatalogMapper.class);
            for (String q : List.of("kettle", "kettl", "kettle -electric", "electric kettle", "whistl")) {
                for (int offset : List.of(0, 20, 180, 200, 680)) {
                    assertThat(ids(m, params(q, offset, MyBatisCatalogRepository.TOTAL_BOUND)))
                            .as("%s at %d", q, offset)
                            .isEqualTo(ids(m, params(q, offset, 10_000_000)));
                }
                assertThat(m.search(params(q, 0, MyBatisCatalogRepository.TOTAL_BOUND))
                                .get(0)
                                .totalCount())
                        .as(q)
                        .isEqualTo(m.search(params(q, 0, 10_000_000)).get(0).totalCount());
            }
        }
    }

    /** The statement's parameters for a relevance search of {@code q}, 20 a page; a null bound is the repository's. */
    private static SearchParams params(String q, int offset, Integer bound) {
        SearchText t = SearchText.parse(q);
        return new SearchParams(
                t.text(),
                t.prefixQuery(),
                t.fuzzy(),
                t.excluded(),
                null,
                null,
                null,
                null,
                null,
                false,
                "RELEVANCE",
                20,
                offset,
                Instant.now(),
                false,
                bound == null ? MyBatisCatalogRepository.TOTAL_BOUND : bound,
                MyBatisCatalogRepository.NAME_CANDIDATES,
                MyBatisCatalogRepository.NAME_SCAN);
    }

    private static List<Long> ids(CatalogMapper m, SearchParams p) {
        return m.search(p).stream().map(ProductRow::productId).toList();
    }
}
