package com.shopassist.core.catalog;

public enum ProductSort {
    RELEVANCE,
    PRICE_ASC,
    PRICE_DESC,
    NEWEST
}
