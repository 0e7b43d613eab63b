package com.shopassist.data.catalog;

import com.shopassist.core.catalog.Brand;
import com.shopassist.core.catalog.CatalogRepository;
import com.shopassist.core.catalog.Category;
import com.shopassist.core.catalog.Product;
import com.shopassist.core.catalog.ProductQuery;
import com.shopassist.core.catalog.ProductSort;
import com.shopassist.core.common.Page;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The catalog straight from PostgreSQL (no cache). */
public final class MyBatisCatalogRepository implements CatalogRepository {

    /**
     * A relevance search reads and counts at most this many hits (plus one, to know there are
     * more): "1-20 of more than 1,000" beyond it (decision 0109).
     */
    static final int TOTAL_BOUND = 1000;
    /** Hits whose name or brand holds the words as a phrase, ranked beside the bounded hits. */
    static final int NAME_CANDIDATES = 500;
    /** Name hits read at most to find {@link #NAME_CANDIDATES} that hold the words as a phrase. */
    static final int NAME_SCAN = 3000;

    private final CatalogMapper mapper;

    public MyBatisCatalogRepository(CatalogMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public Page<Product> search(ProductQuery q, Instant now) {
        SearchText text = SearchText.parse(q.text());
        SearchParams params = params(q, text, now);
        SearchParams ran = params;
        List<ProductRow> rows = mapper.search(params);
        long total = rows.isEmpty() && q.page() > 1 ? mapper.searchCount(params) : totalOf(rows);
        if (total == 0 && text != null && text.fuzzy() != null) {
            // Nothing by words, stems or prefixes: likely a typo. First correct each word to the
            // nearest catalog word (a few thousand dictionary rows) and run the fast full-text
            // pass again; that is "did you mean" without telling.
            String corrected = mapper.correctWords(text.fuzzy());
            if (corrected != null && !corrected.equals(text.fuzzy())) {
                ran = params.withWords(SearchText.ofWords(corrected));
                rows = mapper.search(ran);
                total = rows.isEmpty() && q.page() > 1 ? mapper.searchCount(ran) : totalOf(rows);
            }
        }
        if (total == 0 && text != null && text.fuzzy() != null) {
            // Still nothing: trigram similarity against every name and brand, the costly pass
            // (a similarity per candidate row), so it runs only now.
            ran = params.asFuzzy();
            rows = mapper.search(ran);
            total = rows.isEmpty() && q.page() > 1 ? mapper.searchCount(ran) : totalOf(rows);
        }
        List<Product> items = rows.stream().map(ProductRow::toProduct).toList();
        if (ran.bound() != null && total > ran.bound()) {
            // more hits than the bound: "more than 1,000", and only the first 1,000 ranked can be
            // paged through (decision 0109); a page past them is empty and says so (beyondBound)
            int bound = ran.bound();
            int room = Math.max(0, bound - ran.offset());
            return new Page<>(items.subList(0, Math.min(room, items.size())), bound, q.page(), q.pageSize(), true);
        }
        return new Page<>(items, total, q.page(), q.pageSize());
    }

    /** The first pass's parameters (the typo passes derive theirs from these). */
    static SearchParams params(ProductQuery q, SearchText text, Instant now) {
        return new SearchParams(
                text == null ? null : text.text(),
                text == null ? null : text.prefixQuery(),
                text == null ? null : text.fuzzy(),
                text == null ? null : text.excluded(),
                q.categoryId(),
                q.brand(),
                q.department(),
                q.minPrice() == null ? null : q.minPrice().amount(),
                q.maxPrice() == null ? null : q.maxPrice().amount(),
                q.inStockOnly(),
                q.sort().name(),
                q.pageSize(),
                (q.page() - 1) * q.pageSize(),
                now,
                false,
                text != null && q.sort() == ProductSort.RELEVANCE ? TOTAL_BOUND : null,
                NAME_CANDIDATES,
                NAME_SCAN);
    }

    private static long totalOf(List<ProductRow> rows) {
        return rows.isEmpty() ? 0 : rows.get(0).totalCount();
    }

    @Override
    public List<Product> products(Collection<Long> productIds, Instant now) {
        if (productIds.isEmpty()) return List.of();
        return mapper.byIds(productIds, now).stream().map(ProductRow::toProduct).toList();
    }

    @Override
    public Optional<Product> byBarcode(String barcode, Instant now) {
        return mapper.byBarcode(barcode, now).stream().findFirst().map(ProductRow::toProduct);
    }

    @Override
    public List<Product> findByName(String name, int limit, Instant now) {
        return mapper.byName(name, limit, now).stream()
                .map(ProductRow::toProduct)
                .toList();
    }

    @Override
    public List<Category> categories() {
        return mapper.categories().stream()
                .map(c -> new Category(c.id(), c.name(), c.nameId(), c.productCount()))
                .toList();
    }

    @Override
    public List<Brand> brands() {
        return mapper.brands().stream()
                .map(b -> new Brand(b.name(), b.productCount()))
                .toList();
    }

    @Override
    public List<Product> alternatives(long productId, int limit, Instant now) {
        return mapper.alternatives(productId, limit, now).stream()
                .map(ProductRow::toProduct)
                .toList();
    }

    static BigDecimal amount(com.shopassist.core.money.Money m) {
        return m == null ? null : m.amount();
    }
}
