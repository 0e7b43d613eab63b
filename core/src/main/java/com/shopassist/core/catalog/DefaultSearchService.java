package com.shopassist.core.catalog;

import com.shopassist.core.common.Page;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keyword search with an any-word fallback and reciprocal rank fusion with a semantic index. The
 * semantic part runs only for relevance-sorted text searches, and only when the index is loaded.
 */
public final class DefaultSearchService implements SearchService {

    private static final Logger LOG = LoggerFactory.getLogger(DefaultSearchService.class);
    /** Cosine similarity below which a "semantic" neighbour is noise, not meaning. */
    static final double SEMANTIC_FLOOR = 0.30;
    /** Neighbours read from the index per search. */
    static final int NEIGHBOURS = 40;
    /** Longer asks are sentences, not product words: an any-word search of them finds noise. */
    static final int MAX_ANY_WORDS = 6;

    private final CatalogService catalog;
    private final SemanticIndex semantic;

    /** {@code semanticOrNull}: the index, or null for keyword search alone. */
    public DefaultSearchService(CatalogService catalog, SemanticIndex semanticOrNull) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.semantic = semanticOrNull;
    }

    @Override
    public Page<Product> search(ProductQuery q, String meaning) {
        String text = blankToNull(q.text());
        String ask = blankToNull(meaning);
        if (text != null && !hasLatinLetterOrDigit(text) && (ask == null || !hasLatinLetterOrDigit(ask))) {
            // "日本語の靴", "😀😀": no product name can match; say so without asking the database
            return new Page<>(List.of(), 0, 1, q.pageSize());
        }
        Page<Product> page = catalog.search(q);
        List<Product> found = page.items();
        long total = page.total();
        boolean keywordsMatchedAll = !found.isEmpty();
        // several words that never appear together: any of them ("keep coffee hot")
        if (found.isEmpty() && text != null) {
            String[] words = text.split("\\s+");
            if (words.length > 1 && words.length <= MAX_ANY_WORDS) {
                page = catalog.search(withText(q, String.join(" or ", words)));
                found = page.items();
                total = page.total();
            }
        }
        List<Product> fused = fuse(ask != null ? ask : text, q, found, q.pageSize(), keywordsMatchedAll);
        if (fused != found) {
            total = Math.max(total, fused.size());
            found = fused;
        }
        return new Page<>(found, total, page.page(), page.pageSize(), page.moreThanTotal());
    }

    @Override
    public List<Product> nearInMeaning(String text, ProductQuery filters, int limit) {
        return fuse(blankToNull(text), filters, List.of(), limit, false);
    }

    /**
     * Reciprocal rank fusion of the keyword results with the embedding neighbours that pass the
     * same filters; the keyword list itself when there is nothing to blend.
     */
    private List<Product> fuse(
            String text, ProductQuery q, List<Product> keyword, int size, boolean keywordsMatchedAll) {
        SemanticIndex s = semantic;
        if (s == null || text == null || !s.ready() || (q.sort() != null && q.sort() != ProductSort.RELEVANCE)) {
            return keyword;
        }
        // a full page where every word matched gains little from meaning: skip the scan (it is
        // the most expensive step on a large catalog); meaning is for when keywords fall short
        if (keywordsMatchedAll && keyword.size() >= size) return keyword;
        List<SemanticIndex.Hit> hits;
        try {
            hits = s.nearest(text, NEIGHBOURS);
        } catch (RuntimeException e) {
            LOG.warn("semantic search failed; keyword results only", e);
            return keyword;
        }
        List<Long> ids = new ArrayList<>();
        for (SemanticIndex.Hit h : hits) if (h.score() >= SEMANTIC_FLOOR) ids.add(h.productId());
        if (ids.isEmpty()) return keyword;
        List<Product> candidates = catalog.products(ids).stream()
                .filter(p -> q.categoryId() == null || p.categoryId() == q.categoryId())
                .filter(p -> q.brand() == null || p.brand().equalsIgnoreCase(q.brand()))
                .filter(p -> q.minPrice() == null || p.price().compareTo(q.minPrice()) >= 0)
                .filter(p -> q.maxPrice() == null || p.price().compareTo(q.maxPrice()) <= 0)
                .filter(p -> !q.inStockOnly() || p.available() > 0)
                .toList();
        if (candidates.isEmpty()) return keyword;
        // when every word matched, keywords lead and meaning fills in; when only some did
        // ("keep coffee hot" matches coffee beans), meaning leads
        double kw = keywordsMatchedAll ? 1.0 : 0.35;
        double sem = keywordsMatchedAll ? 0.6 : 1.0;
        Map<Long, Double> score = new HashMap<>();
        Map<Long, Product> byId = new HashMap<>();
        for (int i = 0; i < keyword.size(); i++) {
            Product p = keyword.get(i);
            byId.put(p.id(), p);
            score.merge(p.id(), kw / (10 + i + 1), Double::sum);
        }
        for (int i = 0; i < candidates.size(); i++) {
            Product p = candidates.get(i);
            byId.putIfAbsent(p.id(), p);
            score.merge(p.id(), sem / (10 + i + 1), Double::sum);
        }
        // meaning may rank a sold-out product high: it still comes after what can be bought
        return InStockFirst.order(score.entrySet().stream()
                .sorted(Map.Entry.<Long, Double>comparingByValue().reversed())
                .limit(size)
                .map(e -> byId.get(e.getKey()))
                .toList());
    }

    private static ProductQuery withText(ProductQuery q, String text) {
        return new ProductQuery(
                text,
                q.categoryId(),
                q.brand(),
                q.department(),
                q.minPrice(),
                q.maxPrice(),
                q.inStockOnly(),
                q.sort(),
                q.page(),
                q.pageSize());
    }

    private static boolean hasLatinLetterOrDigit(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = Character.toLowerCase(s.charAt(i));
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) return true;
        }
        return false;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
