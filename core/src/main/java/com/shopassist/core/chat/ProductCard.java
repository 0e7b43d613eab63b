package com.shopassist.core.chat;

import com.shopassist.core.catalog.Product;
import com.shopassist.core.catalog.StockBadge;
import com.shopassist.core.money.Money;

/** What a product card in the chat shows. Built from tool results only, never from model text. */
public record ProductCard(
        long id,
        String name,
        String brand,
        Money price,
        int available,
        StockBadge badge,
        String imageRef,
        String categoryName) {

    public static ProductCard of(Product p) {
        return new ProductCard(
                p.id(), p.name(), p.brand(), p.price(), p.available(), p.stockBadge(), p.imageRef(), p.categoryName());
    }
}
