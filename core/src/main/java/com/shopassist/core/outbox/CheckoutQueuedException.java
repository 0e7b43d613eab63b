package com.shopassist.core.outbox;

import com.shopassist.core.common.ShopException;
import com.shopassist.core.money.Money;

/**
 * The store's database could not be reached and {@code offline.checkout} is {@code queue}: no
 * order yet. The request waits in the outbox with its key and becomes an order when the store is
 * back, or a rejection a clerk sees. The shopper is given {@link #reference()} and told it is to
 * be confirmed.
 */
public class CheckoutQueuedException extends ShopException {
    private final String reference;
    private final Money total;

    public CheckoutQueuedException(String reference, Money total) {
        super(
                "CHECKOUT_QUEUED",
                "The store's system is offline: your order request " + reference + " (" + total.format()
                        + ") is saved and will be confirmed when it is back");
        this.reference = reference;
        this.total = total;
    }

    public String reference() {
        return reference;
    }

    /** The total the shopper saw (prices as of the kiosk's last refresh). */
    public Money total() {
        return total;
    }
}
