package com.shopassist.core.stock;

import java.util.List;
import java.util.Optional;

/** Stock levels (cached up to 1 min, invalidated by the writes that change them). */
public interface StockService {

    Optional<StockLevel> stock(long productId);

    /** Stock of the products whose name best matches (typos tolerated), best first. */
    List<StockLevel> stockByName(String name, int limit);

    /** Deletes holds that expired (tidying only: expired holds never count, swept or not). */
    int sweepExpiredHolds();

    /**
     * Goods received: adds {@code quantity} to the stock on hand with a RESTOCK movement.
     *
     * @throws com.shopassist.core.common.ValidationException for a quantity below 1
     * @throws com.shopassist.core.common.NotFoundException for an unknown product
     */
    StockLevel restock(long productId, int quantity);

    /** The latest movements of a product, newest first (at most {@code limit}). */
    java.util.List<StockMovement> movements(long productId, int limit);
}
