package com.shopassist.data.seed;

/** One generated product; {@code price} in whole rupiah, {@code categoryIndex} into the vocabulary. */
public record SeedProduct(
        long id,
        int categoryIndex,
        String sku,
        String barcode,
        String name,
        String brand,
        long price,
        String department,
        String description,
        int stock,
        int lowStockThreshold) {}
