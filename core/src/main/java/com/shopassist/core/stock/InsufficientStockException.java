package com.shopassist.core.stock;

import com.shopassist.core.catalog.Product;
import com.shopassist.core.common.ShopException;
import java.util.List;

/** Asked for more than is available: says how many are, and offers up to 3 alternatives. */
public class InsufficientStockException extends ShopException {
    private final long productId;
    private final String productName;
    private final int requested;
    private final int available;
    private final List<Product> alternatives;

    public InsufficientStockException(
            long productId, String productName, int requested, int available, List<Product> alternatives) {
        super(
                "INSUFFICIENT_STOCK",
                available <= 0
                        ? productName + " is sold out"
                        : "Only " + available + " of " + productName + " available (asked for " + requested + ")");
        this.productId = productId;
        this.productName = productName;
        this.requested = requested;
        this.available = available;
        this.alternatives = List.copyOf(alternatives);
    }

    public long productId() {
        return productId;
    }

    public String productName() {
        return productName;
    }

    public int requested() {
        return requested;
    }

    public int available() {
        return available;
    }

    public List<Product> alternatives() {
        return alternatives;
    }
}
