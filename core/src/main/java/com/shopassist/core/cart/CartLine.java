package com.shopassist.core.cart;

import com.shopassist.core.money.Money;

/** One line of a cart. {@code lineDiscount} is this line's share of the voucher discount. */
public record CartLine(
        long productId,
        String name,
        String brand,
        Money unitPrice,
        int quantity,
        Money lineTotal,
        Money lineDiscount,
        int available,
        String imageRef) {}
