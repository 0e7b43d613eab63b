package com.shopassist.core.catalog;

import com.shopassist.core.common.Page;
import com.shopassist.core.common.ValidationException;
import com.shopassist.core.money.Money;
import java.text.Normalizer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** {@link CatalogService}: validates and normalises input, then asks the (caching) repository. */
public final class DefaultCatalogService implements CatalogService {

    /** Longer search text is cut here: nobody types more, and it bounds the work of a query. */
    public static final int MAX_TEXT_LENGTH = 200;

    public static final int MAX_PAGE_SIZE = 100;

    private final CatalogRepository repository;
    private final Clock clock;

    public DefaultCatalogService(CatalogRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    @Override
    public Page<Product> search(ProductQuery query) {
        Page<Product> page = repository.search(normalise(query), clock.instant());
        List<Product> ordered = InStockFirst.order(page.items());
        return ordered == page.items() ? page : page.withItems(ordered);
    }

    /** Trims text, clamps paging, rejects an inverted price range; null means "no filter". */
    public static ProductQuery normalise(ProductQuery q) {
        if (q == null) q = ProductQuery.text(null);
        String text = cleanText(q.text());
        Money min = q.minPrice();
        Money max = q.maxPrice();
        if (min != null && min.isNegative()) min = Money.ZERO;
        if (max != null && max.isNegative()) {
            throw new ValidationException("maxPrice", "The highest price cannot be below zero");
        }
        if (min != null && max != null && min.compareTo(max) > 0) {
            throw new ValidationException("minPrice", "The lowest price is above the highest price");
        }
        String brand = blankToNull(q.brand());
        String department = blankToNull(q.department());
        ProductSort sort = q.sort() == null ? ProductSort.RELEVANCE : q.sort();
        int pageSize = Math.max(1, Math.min(q.pageSize() <= 0 ? 20 : q.pageSize(), MAX_PAGE_SIZE));
        int page = Math.max(1, Math.min(q.page(), 10_000));
        return new ProductQuery(
                text, q.categoryId(), brand, department, min, max, q.inStockOnly(), sort, page, pageSize);
    }

    static String cleanText(String text) {
        if (text == null) return null;
        String t = Normalizer.normalize(text, Normalizer.Form.NFKC)
                .replaceAll("[\\p{Cntrl}\\p{Cs}]", " ")
                .replaceAll("\\s+", " ")
                .strip();
        if (t.length() > MAX_TEXT_LENGTH) t = t.substring(0, MAX_TEXT_LENGTH).strip();
        return t.isEmpty() ? null : t;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    @Override
    public Optional<Product> product(long productId) {
        List<Product> found = repository.products(List.of(productId), clock.instant());
        return found.stream().findFirst();
    }

    @Override
    public List<Product> products(List<Long> productIds) {
        if (productIds == null || productIds.isEmpty()) return List.of();
        Map<Long, Product> byId = repository.products(productIds, clock.instant()).stream()
                .collect(Collectors.toMap(Product::id, Function.identity(), (a, b) -> a, HashMap::new));
        List<Product> ordered = new ArrayList<>();
        for (Long id : productIds) {
            if (id != null && byId.containsKey(id)) ordered.add(byId.get(id));
        }
        return ordered;
    }

    @Override
    public Optional<Product> byBarcode(String barcode) {
        if (barcode == null || barcode.isBlank()) return Optional.empty();
        return repository.byBarcode(barcode.strip(), clock.instant());
    }

    @Override
    public List<Product> findByName(String name, int limit) {
        String text = cleanText(name);
        if (text == null) return List.of();
        return repository.findByName(text, Math.max(1, Math.min(limit, MAX_PAGE_SIZE)), clock.instant());
    }

    @Override
    public List<Category> categories() {
        return repository.categories();
    }

    @Override
    public Optional<Category> categoryByName(String name) {
        String wanted = fold(name);
        if (wanted.isEmpty()) return Optional.empty();
        List<Category> all = categories();
        for (Category c : all) {
            if (fold(c.name()).equals(wanted) || fold(c.nameId()).equals(wanted)) return Optional.of(c);
        }
        // "shoe" finds "Shoes", "sepatu" finds "Sepatu & Sandal": a prefix or a contained word
        for (Category c : all) {
            if (fold(c.name()).startsWith(wanted) || fold(c.nameId()).startsWith(wanted)) return Optional.of(c);
        }
        // one typo per five letters still finds it
        Category best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (Category c : all) {
            for (String candidate : List.of(fold(c.name()), fold(c.nameId()))) {
                if (candidate.isEmpty()) continue;
                int d = levenshtein(wanted, candidate);
                if (d < bestDistance) {
                    bestDistance = d;
                    best = c;
                }
            }
        }
        return best != null && bestDistance <= Math.max(1, wanted.length() / 5) ? Optional.of(best) : Optional.empty();
    }

    static String fold(String s) {
        if (s == null) return "";
        return Normalizer.normalize(s, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("\\s+", " ")
                .strip();
    }

    static int levenshtein(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    @Override
    public List<Brand> brands() {
        return repository.brands();
    }

    @Override
    public Page<Product> productsByCategory(long categoryId, int page, int pageSize) {
        return search(new ProductQuery(
                null, categoryId, null, null, null, null, false, ProductSort.RELEVANCE, page, pageSize));
    }

    @Override
    public List<Product> alternatives(long productId, int limit) {
        return repository.alternatives(productId, Math.max(1, Math.min(limit, 20)), clock.instant());
    }
}
