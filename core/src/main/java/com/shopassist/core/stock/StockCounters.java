package com.shopassist.core.stock;

/**
 * A product's stored counters. {@code reserved} includes holds that expired but were not swept
 * yet, so {@link #free()} is a lower bound of what is available: safe for the guarded reservation.
 */
public record StockCounters(long productId, String productName, int stockQuantity, int reserved, boolean active) {
    public int free() {
        return stockQuantity - reserved;
    }
}
