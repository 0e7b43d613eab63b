package com.shopassist.core.outbox;

import com.shopassist.core.common.ShopException;

/**
 * The store's database could not be reached and {@code offline.checkout} is {@code refuse}: no
 * order, nothing queued. The cart is kept; a clerk can help.
 */
public class OfflineCheckoutRefusedException extends ShopException {
    public OfflineCheckoutRefusedException() {
        super(
                "CHECKOUT_OFFLINE",
                "The store's system is offline, so checkout is not possible right now. Your cart is kept; a clerk"
                        + " can help");
    }
}
