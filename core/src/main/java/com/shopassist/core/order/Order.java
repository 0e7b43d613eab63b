package com.shopassist.core.order;

import com.shopassist.core.money.Money;
import java.time.Instant;
import java.util.List;

/** An order. discount = sum of the lines' discounts; total = subtotal - discount. */
public record Order(
        long id,
        String orderNumber,
        long customerId,
        OrderStatus status,
        List<OrderLine> lines,
        Money subtotal,
        Money discount,
        Money total,
        String voucherCode,
        Long shippingAddressId,
        String shippingAddressText,
        Instant createdAt,
        Instant paidAt,
        Instant shippedAt,
        Instant deliveredAt,
        Instant cancelledAt) {

    public Order {
        lines = List.copyOf(lines);
    }
}
