package com.shopassist.data.stock;

import com.shopassist.core.stock.Hold;
import com.shopassist.core.stock.MovementType;
import com.shopassist.core.stock.StockCounters;
import com.shopassist.core.stock.StockLevel;
import com.shopassist.core.stock.StockMovement;
import com.shopassist.core.stock.StockRepository;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * Stock in PostgreSQL. Every write reports the product to {@code changed}, which the wiring
 * turns into cache invalidation after the transaction commits. Levels are read through the
 * {@link StockCache}.
 */
public final class MyBatisStockRepository implements StockRepository {

    private final StockMapper mapper;
    private final StockCache cache;
    private final LongConsumer changed;

    public MyBatisStockRepository(StockMapper mapper, StockCache cache, LongConsumer changed) {
        this.mapper = mapper;
        this.cache = cache;
        this.changed = changed;
    }

    @Override
    public Optional<StockCounters> lockProduct(long productId) {
        return mapper.lockProduct(productId);
    }

    @Override
    public List<StockCounters> lockProducts(Collection<Long> productIds) {
        if (productIds.isEmpty()) return List.of();
        return mapper.lockProducts(productIds);
    }

    @Override
    public Optional<Hold> reserveNewHold(
            long productId, long cartId, int quantity, Instant now, Instant expiresAt, String kioskId) {
        Optional<Hold> hold = mapper.reserveNewHold(productId, cartId, quantity, now, expiresAt, kioskId);
        if (hold.isPresent()) changed.accept(productId);
        return hold;
    }

    @Override
    public Optional<StockCounters> reserveMore(long productId, int quantity, long cartId, Instant now) {
        Optional<StockCounters> c = mapper.reserveMore(productId, quantity, cartId, now);
        if (c.isPresent()) changed.accept(productId);
        return c;
    }

    @Override
    public StockCounters unreserve(long productId, int quantity, MovementType type, Long cartId, Instant now) {
        if (type != MovementType.RELEASE && type != MovementType.EXPIRE) {
            throw new IllegalArgumentException("unreserve writes RELEASE or EXPIRE, not " + type);
        }
        changed.accept(productId);
        return mapper.unreserve(productId, quantity, type.name(), cartId, now);
    }

    @Override
    public Optional<Hold> holdFor(long cartId, long productId) {
        return mapper.holdFor(cartId, productId);
    }

    @Override
    public List<Hold> holdsOfCart(long cartId) {
        return mapper.holdsOfCart(cartId);
    }

    @Override
    public void updateHold(long holdId, int quantity, Instant expiresAt, String kioskId) {
        mapper.updateHold(holdId, quantity, expiresAt, kioskId).ifPresent(changed::accept);
    }

    @Override
    public Optional<Hold> deleteHold(long holdId) {
        Optional<Hold> deleted = mapper.deleteHold(holdId);
        deleted.ifPresent(h -> changed.accept(h.productId()));
        return deleted;
    }

    @Override
    public List<Hold> deleteExpiredHolds(long productId, Instant now) {
        return mapper.deleteExpiredHolds(productId, now);
    }

    @Override
    public List<Long> productsWithExpiredHolds(Instant now, int limit) {
        return mapper.productsWithExpiredHolds(now, limit);
    }

    @Override
    public StockCounters sell(long productId, int quantity, long orderId, Instant now) {
        changed.accept(productId);
        return mapper.sell(productId, quantity, orderId, now)
                .orElseThrow(() -> new IllegalStateException(
                        "sale of " + quantity + " of product " + productId + " without a matching hold"));
    }

    @Override
    public StockCounters returnToStock(long productId, int quantity, long orderId, Instant now) {
        changed.accept(productId);
        return mapper.returnToStock(productId, quantity, orderId, now);
    }

    @Override
    public StockCounters restock(long productId, int quantity, Instant now) {
        changed.accept(productId);
        return mapper.restock(productId, quantity, now);
    }

    @Override
    public Optional<StockLevel> level(long productId, Instant now) {
        return cache.get(productId).filter(StockCache.Snapshot::active).map(s -> s.levelAt(now));
    }

    @Override
    public List<StockMovement> movements(long productId, int limit) {
        return mapper.movements(productId, limit).stream()
                .map(r -> new StockMovement(
                        r.stockMovementId(),
                        r.productId(),
                        MovementType.valueOf(r.movementType()),
                        r.quantity(),
                        r.quantityBefore(),
                        r.quantityAfter(),
                        r.referenceType(),
                        r.referenceId(),
                        r.createdAt()))
                .toList();
    }
}
