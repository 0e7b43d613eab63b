package com.shopassist.core.catalog;

import com.shopassist.core.money.Money;
import java.time.Instant;

/**
 * A product as shoppers see it. {@code available} = stock minus live holds at the time of reading.
 */
public record Product(
        long id,
        long categoryId,
        String categoryName,
        String sku,
        String barcode,
        String name,
        String brand,
        Money price,
        String department,
        String description,
        String imageRef,
        int stockQuantity,
        int available,
        int lowStockThreshold,
        Instant createdAt) {

    public StockBadge stockBadge() {
        return StockBadge.of(available, lowStockThreshold);
    }
}
