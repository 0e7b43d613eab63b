package com.shopassist.data.replica;

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
import java.util.function.BooleanSupplier;

/**
 * Stock levels read from the shared database, or from the replica while it does not answer.
 * Everything else (locks, holds, sales, movements) is the shared database's alone: stock is never
 * reserved or sold against the replica.
 */
public final class ReplicatedStock implements StockRepository {

    private final StockRepository shared;
    private final StoreSwitch store;
    private final BooleanSupplier inSharedTransaction;

    public ReplicatedStock(StockRepository shared, StoreSwitch store, BooleanSupplier inSharedTransaction) {
        this.shared = shared;
        this.store = store;
        this.inSharedTransaction = inSharedTransaction;
    }

    @Override
    public Optional<StockLevel> level(long productId, Instant now) {
        return store.read(
                inSharedTransaction.getAsBoolean(),
                () -> shared.level(productId, now),
                local -> local.stock().level(productId, now));
    }

    @Override
    public Optional<StockCounters> lockProduct(long productId) {
        return shared.lockProduct(productId);
    }

    @Override
    public List<StockCounters> lockProducts(Collection<Long> productIds) {
        return shared.lockProducts(productIds);
    }

    @Override
    public Optional<Hold> reserveNewHold(
            long productId, long cartId, int quantity, Instant now, Instant expiresAt, String kioskId) {
        return shared.reserveNewHold(productId, cartId, quantity, now, expiresAt, kioskId);
    }

    @Override
    public Optional<StockCounters> reserveMore(long productId, int quantity, long cartId, Instant now) {
        return shared.reserveMore(productId, quantity, cartId, now);
    }

    @Override
    public StockCounters unreserve(long productId, int quantity, MovementType type, Long cartId, Instant now) {
        return shared.unreserve(productId, quantity, type, cartId, now);
    }

    @Override
    public Optional<Hold> holdFor(long cartId, long productId) {
        return shared.holdFor(cartId, productId);
    }

    @Override
    public List<Hold> holdsOfCart(long cartId) {
        return shared.holdsOfCart(cartId);
    }

    @Override
    public void updateHold(long holdId, int quantity, Instant expiresAt, String kioskId) {
        shared.updateHold(holdId, quantity, expiresAt, kioskId);
    }

    @Override
    public Optional<Hold> deleteHold(long holdId) {
        return shared.deleteHold(holdId);
    }

    @Override
    public List<Hold> deleteExpiredHolds(long productId, Instant now) {
        return shared.deleteExpiredHolds(productId, now);
    }

    @Override
    public List<Long> productsWithExpiredHolds(Instant now, int limit) {
        return shared.productsWithExpiredHolds(now, limit);
    }

    @Override
    public StockCounters sell(long productId, int quantity, long orderId, Instant now) {
        return shared.sell(productId, quantity, orderId, now);
    }

    @Override
    public StockCounters returnToStock(long productId, int quantity, long orderId, Instant now) {
        return shared.returnToStock(productId, quantity, orderId, now);
    }

    @Override
    public StockCounters restock(long productId, int quantity, Instant now) {
        return shared.restock(productId, quantity, now);
    }

    @Override
    public List<StockMovement> movements(long productId, int limit) {
        return shared.movements(productId, limit);
    }
}
