package com.shopassist.data.catalog;

import java.math.BigDecimal;
import java.time.Instant;

/** Parameters of the search statement; sort is the ProductSort name. */
public record SearchParams(
        String text,
        String prefixQuery,
        String fuzzy,
        String excluded,
        Long categoryId,
        String brand,
        String department,
        BigDecimal minPrice,
        BigDecimal maxPrice,
        boolean inStockOnly,
        String sort,
        int limit,
        int offset,
        Instant now) {}
