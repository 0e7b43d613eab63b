package com.shopassist.core.outbox;

import com.shopassist.core.common.ShopException;
import com.shopassist.core.money.Money;

/** A queued checkout would cost more than the shopper agreed to offline: it is not placed. */
public class PriceRoseException extends ShopException {
    public PriceRoseException(Money seen, Money now) {
        super(
                "PRICE_ROSE",
                "The total rose from " + seen.format() + " to " + now.format() + " since the order request");
    }
}
