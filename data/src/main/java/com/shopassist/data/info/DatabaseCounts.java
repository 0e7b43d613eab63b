package com.shopassist.data.info;

/** How much is in the store database: what {@code db info} prints. */
public record DatabaseCounts(long products, long categories, long brands, long vouchers, long customers, long orders) {}
