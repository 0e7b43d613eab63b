package com.shopassist.core.checkout;

import com.shopassist.core.order.Order;

/**
 * Cart to order in one transaction: re-check holds, decrement stock, consume holds, count
 * voucher usage, write order, items and movements. The same idempotency key twice returns the
 * same order, never two.
 *
 * @throws com.shopassist.core.stock.InsufficientStockException when a line can no longer be had
 * @throws com.shopassist.core.voucher.VoucherNotApplicableException when the voucher stopped applying
 * @throws com.shopassist.core.common.ValidationException for an empty cart or an address not the customer's
 */
public interface CheckoutService {

    Order checkout(long customerId, long addressId, String idempotencyKey);

    /** A fresh key, made when the checkout screen opens (or a checkout is proposed). */
    String newIdempotencyKey();
}
