package com.shopassist.core.cart;

import com.shopassist.core.money.Money;
import java.util.List;

/**
 * A cart snapshot. total = subtotal - discount, never below zero; discount = sum of the lines'
 * discounts exactly. {@code voucherProblem} says why an applied voucher gives no discount now
 * (e.g. the subtotal fell under its minimum), in English, or is null; {@code voucherRejection} is
 * the same reason as a stable code, for wording it in the shopper's language.
 */
public record Cart(
        long cartId,
        CartOwner owner,
        List<CartLine> lines,
        Money subtotal,
        String voucherCode,
        Money discount,
        Money total,
        String voucherProblem,
        com.shopassist.core.voucher.VoucherRejection voucherRejection) {

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
