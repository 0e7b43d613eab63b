package com.shopassist.data.loadtest;

/** What a load test's orders sold of one product and its carts hold of it now. */
public record ProductUse(long productId, String name, long sold, long held, int stockNow) {}
