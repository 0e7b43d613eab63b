package com.shopassist.core.order;

import com.shopassist.core.money.Money;

public record OrderLine(
        long orderItemId,
        long productId,
        String productName,
        int quantity,
        Money unitPrice,
        Money lineSubtotal,
        Money lineDiscount,
        Money lineTotal) {}
