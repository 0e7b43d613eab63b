package com.shopassist.core.cart;

import com.shopassist.core.money.Money;
import java.util.List;

/**
 * A cart snapshot. total = subtotal - discount, never below zero; discount = sum of the lines'
 * discounts exactly. {@code voucherProblem} says why an applied voucher gives no discount now
 * (e.g. the subtotal fell under its minimum), in English, or is null; {@code voucherRejection} is
 * the same reason as a stable code, for wording it in the shopper's language.
 *
 * <p>{@code notices} are what the shopper must be told about changes made while the store was
 * offline (decision 0096). A product that ran out meanwhile stays as a line with quantity 0 and
 * an {@link CartNotice.Kind#UNAVAILABLE} notice: it adds nothing to the totals.
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
        com.shopassist.core.voucher.VoucherRejection voucherRejection,
        List<CartNotice> notices) {

    public Cart {
        lines = List.copyOf(lines);
        notices = notices == null ? List.of() : List.copyOf(notices);
    }

    /** A cart with nothing to tell. */
    public Cart(
            long cartId,
            CartOwner owner,
            List<CartLine> lines,
            Money subtotal,
            String voucherCode,
            Money discount,
            Money total,
            String voucherProblem,
            com.shopassist.core.voucher.VoucherRejection voucherRejection) {
        this(cartId, owner, lines, subtotal, voucherCode, discount, total, voucherProblem, voucherRejection, List.of());
    }

    public int itemCount() {
        return lines.stream().mapToInt(CartLine::quantity).sum();
    }

    /** True when nothing is in it to buy (a line kept with quantity 0 buys nothing). */
    public boolean isEmpty() {
        return itemCount() == 0;
    }
}
