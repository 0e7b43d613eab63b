package com.shopassist.core.cart;

import com.shopassist.core.money.Money;
import java.util.List;

/**
 * A cart snapshot. total = subtotal - discount, never below zero; discount = sum of the lines'
 * discounts exactly. {@code voucherProblem} says why an applied voucher gives no discount now
 * (e.g. the subtotal fell under its minimum), or is null.
 */
public record Cart(
        long cartId,
        CartOwner owner,
        List<CartLine> lines,
        Money subtotal,
        String voucherCode,
        Money discount,
        Money total,
        String voucherProblem) {

    public Cart {
        lines = List.copyOf(lines);
    }

    public int itemCount() {
        return lines.stream().mapToInt(CartLine::quantity).sum();
    }

    public boolean isEmpty() {
        return lines.isEmpty();
    }
}
