package com.shopassist.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopassist.core.common.Page;
import com.shopassist.core.money.Money;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DefaultSearchServiceTest {

    InMemoryCatalog catalog;

    @BeforeEach
    void catalog() {
        catalog = new InMemoryCatalog();
        catalog.add(1, 10, "Arabica coffee beans", 120_000, 5);
        catalog.add(2, 20, "Steel vacuum flask", 250_000, 5);
        catalog.add(3, 20, "Thermos bottle", 180_000, 0);
        catalog.add(4, 10, "Robusta coffee beans", 90_000, 5);
    }

    /** An index that knows one answer: flask and thermos are near "keep coffee hot". */
    static SemanticIndex index(boolean ready) {
        return index(
                ready,
                () -> List.of(
                        new SemanticIndex.Hit(2, 0.8), new SemanticIndex.Hit(3, 0.7), new SemanticIndex.Hit(1, 0.2)));
    }

    static SemanticIndex index(boolean ready, Supplier<List<SemanticIndex.Hit>> hits) {
        return new SemanticIndex() {
            @Override
            public List<Hit> nearest(String text, int k) {
                return hits.get();
            }

            @Override
            public boolean ready() {
                return ready;
            }
        };
    }

    static ProductQuery query(String text) {
        return new ProductQuery(text, null, null, null, null, null, false, ProductSort.RELEVANCE, 1, 5);
    }

    @Test
    void wordsThatNeverAppearTogetherFindAnyOfThem() {
        Page<Product> p = new DefaultSearchService(catalog, null).search(query("keep coffee hot"), null);
        assertThat(catalog.searched).containsExactly("keep coffee hot", "keep or coffee or hot");
        assertThat(p.items()).extracting(Product::id).containsExactly(1L, 4L);
        assertThat(p.total()).isEqualTo(2);
    }

    @Test
    void whenOnlySomeWordsMatchedMeaningLeads() {
        Page<Product> p = new DefaultSearchService(catalog, index(true)).search(query("keep coffee hot"), null);
        assertThat(p.items()).extracting(Product::id).startsWith(2L).contains(1L, 4L, 3L);
        assertThat(p.total()).isEqualTo(4);
    }

    @Test
    void meaningNeverRanksASoldOutProductBeforeOneThatCanBeBought() {
        // the thermos is second nearest in meaning, above both coffees, but sold out
        Page<Product> p = new DefaultSearchService(catalog, index(true)).search(query("keep coffee hot"), null);
        assertThat(p.items()).extracting(Product::id).containsExactly(2L, 1L, 4L, 3L);
        assertThat(p.items().get(3).stockBadge()).isEqualTo(StockBadge.SOLD_OUT);
    }

    @Test
    void meaningFollowsTheQuerysFiltersAndWaitsForTheIndex() {
        ProductQuery inStock = query("keep coffee hot").withInStockOnly(true).withPrice(null, Money.of(200_000));
        assertThat(new DefaultSearchService(catalog, index(true))
                        .search(inStock, null)
                        .items())
                .extracting(Product::id)
                .doesNotContain(2L, 3L);
        assertThat(new DefaultSearchService(catalog, index(false))
                        .search(query("keep coffee hot"), null)
                        .items())
                .extracting(Product::id)
                .containsExactly(1L, 4L);
    }

    @Test
    void aFullPageOfKeywordMatchesSkipsTheIndex() {
        catalog.products.clear();
        for (int i = 1; i <= 5; i++) catalog.add(i, 10, "Coffee mug " + i, 50_000, 5);
        SemanticIndex failing = index(true, () -> {
            throw new AssertionError("the index should not be read");
        });
        assertThat(new DefaultSearchService(catalog, failing)
                        .search(query("coffee mug"), null)
                        .items())
                .hasSize(5);
    }

    @Test
    void anIndexThatFailsLeavesTheKeywordResults() {
        SemanticIndex broken = index(true, () -> {
            throw new IllegalStateException("model gone");
        });
        assertThat(new DefaultSearchService(catalog, broken)
                        .search(query("coffee"), null)
                        .items())
                .extracting(Product::id)
                .containsExactly(1L, 4L);
    }

    @Test
    void textWithNoLatinLetterIsNotSearched() {
        Page<Product> p = new DefaultSearchService(catalog, index(true)).search(query("日本語の靴"), null);
        assertThat(p.items()).isEmpty();
        assertThat(catalog.searched).isEmpty();
    }

    @Test
    void nearInMeaningIsTheFilteredNeighbours() {
        DefaultSearchService s = new DefaultSearchService(catalog, index(true));
        assertThat(s.nearInMeaning("keep coffee hot", query(null).withInStockOnly(true), 4))
                .extracting(Product::id)
                .containsExactly(2L);
        assertThat(new DefaultSearchService(catalog, null).nearInMeaning("x", query(null), 4))
                .isEmpty();
    }
}
