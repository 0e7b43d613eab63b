package com.shopassist.data.catalog;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.shopassist.core.catalog.Brand;
import com.shopassist.core.catalog.CatalogRepository;
import com.shopassist.core.catalog.Category;
import com.shopassist.core.catalog.Product;
import com.shopassist.core.catalog.ProductQuery;
import com.shopassist.core.common.Page;
import com.shopassist.data.stock.StockCache;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Caffeine in front of the catalog: categories and brands 1 hour, queries and product details
 * 15 minutes, in-stock-only queries 1 minute. What is cached is the stable part (which products
 * match, their names and prices); stock and availability are laid over every answer from the
 * {@link StockCache} (1 minute, exact about hold expiry), so a cached page never shows a stale
 * "3 left" for long. {@link #stockChanged(long)} and {@link #invalidateAll()} are the
 * invalidation hooks; the cache ticker follows the injected clock.
 */
public final class CachingCatalogRepository implements CatalogRepository {

    public static final Duration CATEGORIES_TTL = Duration.ofHours(1);
    public static final Duration QUERIES_TTL = Duration.ofMinutes(15);
    public static final Duration IN_STOCK_QUERIES_TTL = Duration.ofMinutes(1);

    private record NameKey(String name, int limit) {}

    private final CatalogRepository db;
    private final StockCache stock;
    private final Cache<String, List<Category>> categories;
    private final Cache<String, List<Brand>> brands;
    private final Cache<ProductQuery, Page<Product>> queries;
    private final Cache<ProductQuery, Page<Product>> inStockQueries;
    private final Cache<Long, Product> products;
    private final Cache<NameKey, List<Product>> byName;

    public CachingCatalogRepository(CatalogRepository db, StockCache stock, Clock clock) {
        this.db = db;
        this.stock = stock;
        this.categories = build(clock, CATEGORIES_TTL, 10);
        this.brands = build(clock, CATEGORIES_TTL, 10);
        this.queries = build(clock, QUERIES_TTL, 10_000);
        this.inStockQueries = build(clock, IN_STOCK_QUERIES_TTL, 5_000);
        this.products = build(clock, QUERIES_TTL, 50_000);
        this.byName = build(clock, QUERIES_TTL, 5_000);
    }

    private static <K, V> Cache<K, V> build(Clock clock, Duration ttl, long size) {
        return Caffeine.newBuilder()
                .ticker(() -> {
                    Instant i = clock.instant();
                    return i.getEpochSecond() * 1_000_000_000L + i.getNano();
                })
                .expireAfterWrite(ttl)
                .maximumSize(size)
                .build();
    }

    @Override
    public Page<Product> search(ProductQuery query, Instant now) {
        Cache<ProductQuery, Page<Product>> cache = query.inStockOnly() ? inStockQueries : queries;
        Page<Product> page = cache.get(query, q -> db.search(q, now));
        return page.withItems(overlay(page.items(), now));
    }

    @Override
    public List<Product> products(Collection<Long> productIds, Instant now) {
        Map<Long, Product> found = products.getAll(productIds, ids -> {
            Map<Long, Product> loaded = new java.util.HashMap<>();
            for (Product p : db.products(new ArrayList<>(ids), now)) loaded.put(p.id(), p);
            return loaded;
        });
        return overlay(new ArrayList<>(found.values()), now);
    }

    @Override
    public Optional<Product> byBarcode(String barcode, Instant now) {
        return db.byBarcode(barcode, now).map(p -> overlay(List.of(p), now).get(0));
    }

    @Override
    public List<Product> findByName(String name, int limit, Instant now) {
        return overlay(
                byName.get(
                        new NameKey(name.toLowerCase(java.util.Locale.ROOT), limit),
                        k -> db.findByName(name, limit, now)),
                now);
    }

    @Override
    public List<Category> categories() {
        return categories.get("all", k -> List.copyOf(db.categories()));
    }

    @Override
    public List<Brand> brands() {
        return brands.get("all", k -> List.copyOf(db.brands()));
    }

    /** Always live: it is asked when a shopper just missed out, and must offer what is there. */
    @Override
    public List<Product> alternatives(long productId, int limit, Instant now) {
        return db.alternatives(productId, limit, now);
    }

    /** Stock of one product changed: in-stock-only result lists may be wrong now. */
    public void stockChanged(long productId) {
        inStockQueries.invalidateAll();
    }

    /** Products, prices or categories changed (seeding, back office): forget everything. */
    public void invalidateAll() {
        categories.invalidateAll();
        brands.invalidateAll();
        queries.invalidateAll();
        inStockQueries.invalidateAll();
        products.invalidateAll();
        byName.invalidateAll();
    }

    private List<Product> overlay(List<Product> items, Instant now) {
        if (items.isEmpty()) return items;
        Map<Long, StockCache.Snapshot> snapshots =
                stock.getAll(items.stream().map(Product::id).toList());
        List<Product> out = new ArrayList<>(items.size());
        for (Product p : items) {
            StockCache.Snapshot s = snapshots.get(p.id());
            if (s == null) {
                out.add(p);
                continue;
            }
            int held = s.heldAt(now);
            out.add(new Product(
                    p.id(),
                    p.categoryId(),
                    p.categoryName(),
                    p.sku(),
                    p.barcode(),
                    p.name(),
                    p.brand(),
                    p.price(),
                    p.department(),
                    p.description(),
                    p.imageRef(),
                    s.stockQuantity(),
                    Math.max(0, s.stockQuantity() - held),
                    p.lowStockThreshold(),
                    p.createdAt()));
        }
        return out;
    }
}
