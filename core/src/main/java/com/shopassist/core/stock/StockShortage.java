package com.shopassist.core.stock;

import com.shopassist.core.common.ShopException;

/**
 * Raised inside a transaction when a hold cannot be had, so that the transaction rolls back;
 * services turn it into an {@link InsufficientStockException} (with alternatives) outside it.
 * {@code available} is how many more units could be held right now on top of {@code alreadyHeld}.
 */
public class StockShortage extends ShopException {
    private final long productId;
    private final String productName;
    private final int requested;
    private final int available;
    private final int alreadyHeld;

    public StockShortage(long productId, String productName, int requested, int available, int alreadyHeld) {
        super("INSUFFICIENT_STOCK", "Only " + Math.max(0, available) + " more of " + productName + " available");
        this.productId = productId;
        this.productName = productName;
        this.requested = requested;
        this.available = Math.max(0, available);
        this.alreadyHeld = alreadyHeld;
    }

    public long productId() {
        return productId;
    }

    public String productName() {
        return productName;
    }

    /** Units the line was to hold in all. */
    public int requested() {
        return requested;
    }

    public int available() {
        return available;
    }

    public int alreadyHeld() {
        return alreadyHeld;
    }
}
