package com.shopassist.data.loadtest;

/** An order and the checkout key that placed it. */
public record KeyedOrder(String key, String orderNumber) {}
