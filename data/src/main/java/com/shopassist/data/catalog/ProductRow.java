package com.shopassist.data.catalog;

import com.shopassist.core.catalog.Product;
import com.shopassist.core.money.Money;
import java.math.BigDecimal;
import java.time.Instant;

/** A product row as the catalog queries return it (columns in this order). */
public record ProductRow(
        long productId,
        long categoryId,
        String categoryName,
        String sku,
        String barcode,
        String name,
        String brand,
        BigDecimal price,
        String department,
        String description,
        String imageRef,
        int stockQuantity,
        int available,
        int lowStockThreshold,
        Instant createdAt,
        long totalCount) {

    public Product toProduct() {
        return new Product(
                productId,
                categoryId,
                categoryName,
                sku,
                barcode,
                name,
                brand,
                Money.of(price),
                department,
                description,
                imageRef,
                stockQuantity,
                Math.max(0, available),
                lowStockThreshold,
                createdAt);
    }
}
