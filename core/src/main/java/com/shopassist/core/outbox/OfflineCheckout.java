package com.shopassist.core.outbox;

import java.util.Locale;

/** What a checkout does while the store's database cannot be reached ({@code offline.checkout}). */
public enum OfflineCheckout {
    /** The shopper is told the cart is kept and a clerk can help. The default. */
    REFUSE,
    /** The order request is queued with its key and confirmed when the store is back. */
    QUEUE;

    /** {@code refuse} or {@code queue}, any case. */
    public static OfflineCheckout parse(String value) {
        if (value == null || value.isBlank()) return REFUSE;
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("offline.checkout must be refuse or queue, not '" + value.strip() + "'");
        }
    }
}
