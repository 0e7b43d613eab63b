package com.shopassist.core.cart;

import com.shopassist.core.money.Money;

/** A cart line joined with its product as it is now (price, name, available with live holds). */
public record CartItemDetail(
        long productId,
        String name,
        String brand,
        Money unitPrice,
        int quantity,
        int available,
        String imageRef,
        boolean active) {}
