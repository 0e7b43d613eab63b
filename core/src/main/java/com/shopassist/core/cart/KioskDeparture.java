package com.shopassist.core.cart;

/**
 * What a shared kiosk does with the cart of a shopper who leaves it (idle reset, sign-out, a clerk
 * who stops serving someone): a guest cart is thrown away, a customer's cart stays theirs but the
 * stock it holds goes back on the shelf at once (decision 0045).
 */
public final class KioskDeparture {

    private KioskDeparture() {}

    /** Runs on a background thread: it writes to the database. */
    public static void releaseCart(CartService carts, CartOwner owner) {
        if (owner.isGuest()) carts.discard(owner);
        else carts.releaseHolds(owner);
    }
}
