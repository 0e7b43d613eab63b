package com.shopassist.core.cart;

/** A cart row: whose it is and which voucher is applied (null for none). */
public record CartRecord(long cartId, Long customerId, String guestKey, Long voucherId) {
    public CartOwner owner() {
        return customerId != null ? CartOwner.customer(customerId) : CartOwner.guest(guestKey);
    }
}
