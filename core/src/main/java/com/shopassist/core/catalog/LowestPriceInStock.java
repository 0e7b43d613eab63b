package com.shopassist.core.catalog;

import com.shopassist.core.money.Money;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which of the products a shopper compares is worth calling the lowest price: the cheapest of
 * those that can still be bought (a sold-out product is no bargain), every one of them when several
 * share that price. None when all are sold out, or when every product that can be bought costs the
 * same: the words would tell nothing. The compare screen, the compare tool and the offline
 * assistant all say it by this rule.
 */
public final class LowestPriceInStock {

    private LowestPriceInStock() {}

    /** The ids of the products to call the lowest price in stock; empty when none is. */
    public static Set<Long> among(List<Product> ps) {
        List<Product> buyable = buyable(ps);
        if (buyable.isEmpty()) return Set.of();
        Money min = buyable.stream()
                .map(Product::price)
                .min(Comparator.naturalOrder())
                .orElseThrow();
        Money max = buyable.stream()
                .map(Product::price)
                .max(Comparator.naturalOrder())
                .orElseThrow();
        if (min.compareTo(max) == 0) return Set.of();
        return buyable.stream()
                .filter(p -> p.price().compareTo(min) == 0)
                .map(Product::id)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The products that can still be bought, in the order given. */
    public static List<Product> buyable(List<Product> ps) {
        return ps.stream().filter(p -> p.stockBadge() != StockBadge.SOLD_OUT).toList();
    }
}
