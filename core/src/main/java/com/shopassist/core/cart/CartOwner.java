package com.shopassist.core.cart;

import java.util.Objects;

/**
 * Whose cart: a signed-in customer, or the guest session of one kiosk. It comes from the
 * session, never from text a shopper or a model typed.
 */
public record CartOwner(Long customerId, String guestKey) {
    public CartOwner {
        if ((customerId == null) == (guestKey == null)) {
            throw new IllegalArgumentException("exactly one of customerId and guestKey");
        }
    }

    public static CartOwner customer(long customerId) {
        return new CartOwner(customerId, null);
    }

    public static CartOwner guest(String guestKey) {
        return new CartOwner(null, Objects.requireNonNull(guestKey));
    }

    public boolean isGuest() {
        return guestKey != null;
    }
}
