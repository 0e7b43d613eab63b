package com.shopassist.data.stock;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.shopassist.core.stock.StockLevel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Stock levels cached up to 1 minute. An entry keeps the product's stock and its live holds
 * with their expiry, so a hold that expires while cached stops counting at the exact instant;
 * writes through this JVM invalidate the product after commit, the TTL covers other kiosks.
 * Time comes from the injected clock (the cache's ticker too).
 */
public final class StockCache {

    public static final Duration TTL = Duration.ofMinutes(1);

    /** What is cached per product. */
    public record Snapshot(
            long productId,
            String name,
            int stockQuantity,
            int lowStockThreshold,
            boolean active,
            List<Instant> holdExpiries,
            List<Integer> holdQuantities) {

        public int heldAt(Instant now) {
            int held = 0;
            for (int i = 0; i < holdExpiries.size(); i++) {
                if (now.isBefore(holdExpiries.get(i))) held += holdQuantities.get(i);
            }
            return held;
        }

        public StockLevel levelAt(Instant now) {
            int held = heldAt(now);
            return new StockLevel(
                    productId, name, stockQuantity, held, Math.max(0, stockQuantity - held), lowStockThreshold);
        }
    }

    private final Cache<Long, Snapshot> cache;
    private final StockMapper mapper;
    private final Clock clock;

    public StockCache(StockMapper mapper, Clock clock) {
        this.mapper = mapper;
        this.clock = clock;
        this.cache = Caffeine.newBuilder()
                .ticker(() -> nanos(clock))
                .expireAfterWrite(TTL)
                .maximumSize(200_000)
                .recordStats()
                .build();
    }

    static long nanos(Clock clock) {
        Instant i = clock.instant();
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }

    public Optional<Snapshot> get(long productId) {
        return Optional.ofNullable(getAll(List.of(productId)).get(productId));
    }

    /** Snapshots of the products that exist; missing ones are loaded in one query. */
    public Map<Long, Snapshot> getAll(Collection<Long> productIds) {
        return cache.getAll(productIds, this::load);
    }

    private Map<Long, Snapshot> load(java.util.Set<? extends Long> ids) {
        Map<Long, List<StockMapper.SnapshotRow>> rows = new HashMap<>();
        for (StockMapper.SnapshotRow r : mapper.snapshots(new ArrayList<>(ids), clock.instant())) {
            rows.computeIfAbsent(r.productId(), k -> new ArrayList<>()).add(r);
        }
        Map<Long, Snapshot> out = new HashMap<>();
        rows.forEach((id, list) -> {
            StockMapper.SnapshotRow first = list.get(0);
            List<Instant> expiries = new ArrayList<>();
            List<Integer> quantities = new ArrayList<>();
            for (StockMapper.SnapshotRow r : list) {
                if (r.quantity() != null) {
                    expiries.add(r.expiresAt());
                    quantities.add(r.quantity());
                }
            }
            out.put(
                    id,
                    new Snapshot(
                            id,
                            first.productName(),
                            first.stockQuantity(),
                            first.lowStockThreshold(),
                            first.isActive(),
                            List.copyOf(expiries),
                            List.copyOf(quantities)));
        });
        return out;
    }

    public void invalidate(long productId) {
        cache.invalidate(productId);
    }

    public void invalidateAll() {
        cache.invalidateAll();
    }

    /** Hits and misses, for tests and the benchmark. */
    public com.github.benmanes.caffeine.cache.stats.CacheStats stats() {
        return cache.stats();
    }
}
