package com.shopassist.core.stock;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Port: product stock counters, holds and movements. Every method that changes a counter writes
 * the matching {@link StockMovement} in the same statement or transaction. Time always comes in
 * as a parameter (an injected clock), never from the database, so expiry is exact in tests.
 * Lock order, to stay free of deadlocks: cart row, then product rows by id, then hold rows. (A
 * product's first add to a cart, which reserves in the same statement as it writes the line, is
 * the cart's: {@link com.shopassist.core.cart.CartRepository#addFirstLine}.)
 */
public interface StockRepository {

    /** Locks a product row (active or not) until the transaction ends; empty if there is no such product. */
    Optional<StockCounters> lockProduct(long productId);

    /** Locks the rows of several products, in product-id order. */
    List<StockCounters> lockProducts(Collection<Long> productIds);

    /**
     * The fast path, one statement: if the cart holds none of the product yet and stock - reserved
     * >= quantity, reserves it, inserts the hold (taken by {@code kioskId}, may be null) and a HOLD
     * movement. Empty (nothing changed) otherwise.
     */
    Optional<Hold> reserveNewHold(
            long productId, long cartId, int quantity, Instant now, Instant expiresAt, String kioskId);

    /** Guarded: reserves {@code quantity} more if free, with a HOLD movement; empty if not enough. */
    Optional<StockCounters> reserveMore(long productId, int quantity, long cartId, Instant now);

    /** Un-reserves {@code quantity} with a RELEASE or EXPIRE movement. */
    StockCounters unreserve(long productId, int quantity, MovementType type, Long cartId, Instant now);

    Optional<Hold> holdFor(long cartId, long productId);

    List<Hold> holdsOfCart(long cartId);

    /** Resizes and renews a hold; it becomes {@code kioskId}'s (may be null), the kiosk that changed it last. */
    void updateHold(long holdId, int quantity, Instant expiresAt, String kioskId);

    /** Deletes the hold; returns it if it was still there (a sweeper may have taken it). */
    Optional<Hold> deleteHold(long holdId);

    /** Deletes this product's holds expired at {@code now}, skipping rows other transactions lock. */
    List<Hold> deleteExpiredHolds(long productId, Instant now);

    /** Products that have holds expired at {@code now}, by id. */
    List<Long> productsWithExpiredHolds(Instant now, int limit);

    /** A sale consumes held units: stock and reserved both go down; SALE movement. */
    StockCounters sell(long productId, int quantity, long orderId, Instant now);

    /** A cancelled order's units go back on the shelf; CANCEL_RETURN movement. */
    StockCounters returnToStock(long productId, int quantity, long orderId, Instant now);

    /** Goods received; RESTOCK movement. */
    StockCounters restock(long productId, int quantity, Instant now);

    /** Stock level with only live holds counted; empty for an unknown or inactive product. */
    Optional<StockLevel> level(long productId, Instant now);

    List<StockMovement> movements(long productId, int limit);
}
