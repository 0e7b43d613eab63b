package com.shopassist.core.order;

/** The row of an order, locked for a status change. */
public record LockedOrder(long orderId, String orderNumber, long customerId, OrderStatus status, Long voucherId) {}
