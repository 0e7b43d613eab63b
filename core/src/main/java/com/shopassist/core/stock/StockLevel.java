package com.shopassist.core.stock;

/** Stock of one product right now: available = stock - live holds. */
public record StockLevel(
        long productId, String productName, int stockQuantity, int held, int available, int lowStockThreshold) {
    public boolean inStock() {
        return available > 0;
    }

    public boolean low() {
        return available > 0 && available <= lowStockThreshold;
    }
}
