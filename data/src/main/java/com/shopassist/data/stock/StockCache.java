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
 * Stock levels cached up to 1 minute. Writes through this JVM invalidate the product after commit,
 * the TTL covers other kiosks. Time comes from the injected clock (the cache's ticker too).
 *
 * <p>An entry must stay exact about hold expiry while it lives, without holding every live hold of
 * a hot product (thousands, reloaded after each of its holds): it keeps the units held beyond its
 * window (the reserved count less the holds that expire by the window's end, which one index range
 * reads) and only the holds that expire inside the window, one TTL either side of the load and
 * two after it: a hold that expires while cached still stops counting at the exact instant.
 */
public final class StockCache {

    public static final Duration TTL = Duration.ofMinutes(1);

    /**
     * What is cached per product: the units held beyond {@code until}, and the holds that expire
     * after {@code from} and by {@code until}. Exact at any instant from {@code from} to {@code
     * until}; the cache serves an entry only within a TTL after its load, well inside.
     */
    public record Snapshot(
            long productId,
            String name,
            int stockQuantity,
            int lowStockThreshold,
            boolean active,
            Instant from,
            Instant until,
            int heldBeyond,
            List<Instant> holdExpiries,
            List<Integer> holdQuantities) {

        public int heldAt(Instant now) {
            int held = heldBeyond;
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

        /** Whether {@link #heldAt} is exact at {@code now}. */
        boolean covers(Instant now) {
            return !now.isBefore(from) && !now.isAfter(until);
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
        Map<Long, Snapshot> found = cache.getAll(productIds, this::load);
        // a clock set back (tests, a corrected system clock) leaves an entry's window: load again
        Instant now = clock.instant();
        List<Long> stale = new ArrayList<>();
        found.forEach((id, s) -> {
            if (!s.covers(now)) stale.add(id);
        });
        if (stale.isEmpty()) return found;
        cache.invalidateAll(stale);
        return cache.getAll(productIds, this::load);
    }

    private Map<Long, Snapshot> load(java.util.Set<? extends Long> ids) {
        Instant now = clock.instant();
        Instant from = now.minus(TTL);
        Instant until = now.plus(TTL.multipliedBy(2));
        Map<Long, List<StockMapper.SnapshotRow>> rows = new HashMap<>();
        for (StockMapper.SnapshotRow r : mapper.snapshots(new ArrayList<>(ids), from, until)) {
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
                            from,
                            until,
                            first.heldBeyond(),
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
