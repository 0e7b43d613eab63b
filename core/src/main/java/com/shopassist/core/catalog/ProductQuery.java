package com.shopassist.core.catalog;

import com.shopassist.core.money.Money;

/**
 * A catalog search. {@code text} uses web-search syntax ("running shoes -kids", "\"rice cooker\"");
 * partial words and typos match through trigram similarity. Every filter is optional (null).
 * Pages count from 1; pageSize is clamped to 1..100 by the service.
 */
public record ProductQuery(
        String text,
        Long categoryId,
        String brand,
        String department,
        Money minPrice,
        Money maxPrice,
        boolean inStockOnly,
        ProductSort sort,
        int page,
        int pageSize) {

    public static ProductQuery text(String text) {
        return new ProductQuery(text, null, null, null, null, null, false, ProductSort.RELEVANCE, 1, 20);
    }

    public ProductQuery withPrice(Money min, Money max) {
        return new ProductQuery(text, categoryId, brand, department, min, max, inStockOnly, sort, page, pageSize);
    }

    public ProductQuery withCategory(Long id) {
        return new ProductQuery(text, id, brand, department, minPrice, maxPrice, inStockOnly, sort, page, pageSize);
    }

    public ProductQuery withBrand(String b) {
        return new ProductQuery(text, categoryId, b, department, minPrice, maxPrice, inStockOnly, sort, page, pageSize);
    }

    public ProductQuery withSort(ProductSort s) {
        return new ProductQuery(
                text, categoryId, brand, department, minPrice, maxPrice, inStockOnly, s, page, pageSize);
    }

    public ProductQuery withInStockOnly(boolean only) {
        return new ProductQuery(text, categoryId, brand, department, minPrice, maxPrice, only, sort, page, pageSize);
    }

    public ProductQuery withPage(int p, int size) {
        return new ProductQuery(text, categoryId, brand, department, minPrice, maxPrice, inStockOnly, sort, p, size);
    }
}
