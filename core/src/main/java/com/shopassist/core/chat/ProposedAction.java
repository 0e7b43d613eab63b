package com.shopassist.core.chat;

import java.util.Map;

/**
 * A write that spends money or cannot be undone (checkout, apply voucher, clear cart), proposed
 * by an assistant and carried out only when the shopper confirms ("ya", "yes", or the button).
 * {@code summary} is the question in the shopper's language: "Checkout 3 items, Rp 1.250.000,
 * to Rumah?". {@code params} hold what the write needs (address id, voucher code, idempotency key).
 */
public record ProposedAction(String id, Kind kind, String summary, Map<String, String> params) {

    public ProposedAction {
        params = Map.copyOf(params);
    }

    public enum Kind {
        CHECKOUT,
        APPLY_VOUCHER,
        CLEAR_CART
    }
}
