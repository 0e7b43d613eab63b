package com.shopassist.core.catalog;

import java.util.ArrayList;
import java.util.List;

/**
 * The order every list of products a shopper is shown keeps: what can be bought now first, what
 * is sold out last (with its badge), each part in the order it came in. The catalog's search
 * already orders so in the database; this keeps it true where a list is put together or its stock
 * laid over afterwards (a cached page whose stock changed since, keyword and meaning results
 * fused).
 */
public final class InStockFirst {

    private InStockFirst() {}

    /** {@code products} with the sold-out ones moved to the end; the same list when none need to move. */
    public static List<Product> order(List<Product> products) {
        boolean soldOutSeen = false;
        boolean needed = false;
        for (Product p : products) {
            boolean soldOut = p.stockBadge() == StockBadge.SOLD_OUT;
            if (!soldOut && soldOutSeen) {
                needed = true;
                break;
            }
            soldOutSeen |= soldOut;
        }
        if (!needed) return products;
        List<Product> out = new ArrayList<>(products.size());
        for (Product p : products) if (p.stockBadge() != StockBadge.SOLD_OUT) out.add(p);
        for (Product p : products) if (p.stockBadge() == StockBadge.SOLD_OUT) out.add(p);
        return out;
    }
}
