package com.shopassist.core.catalog;

/** What a product card says about stock: in stock, only N left, sold out. */
public enum StockBadge {
    IN_STOCK,
    LOW,
    SOLD_OUT;

    public static StockBadge of(int available, int lowStockThreshold) {
        if (available <= 0) return SOLD_OUT;
        if (available <= lowStockThreshold) return LOW;
        return IN_STOCK;
    }
}
