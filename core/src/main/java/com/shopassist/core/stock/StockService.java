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
}
