package com.shopassist.core.order;

import com.shopassist.core.common.ShopException;

public class InvalidTransitionException extends ShopException {
    public InvalidTransitionException(String orderNumber, OrderStatus from, OrderStatus to) {
        super("INVALID_TRANSITION", "Order " + orderNumber + " cannot go from " + from + " to " + to);
    }
}
