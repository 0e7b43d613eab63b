package com.shopassist.core.order;

import com.shopassist.core.money.Money;
import java.time.Instant;
import java.util.List;

/** An order about to be written by checkout. */
public record NewOrder(
        long orderId,
        String orderNumber,
        long customerId,
        Long voucherId,
        Long shippingAddressId,
        String shippingAddressText,
        Money subtotal,
        Money discount,
        Money total,
        Instant createdAt,
        List<Line> lines) {

    public NewOrder {
        lines = List.copyOf(lines);
    }

    /** One line as sold. lineTotal = lineSubtotal - lineDiscount. */
    public record Line(
            long productId,
            String productName,
            int quantity,
            Money unitPrice,
            Money lineSubtotal,
            Money lineDiscount,
            Money lineTotal) {}
}
