package com.shopassist.core.order;

import com.shopassist.core.common.Page;
import java.util.Optional;

/** A customer's orders. Every lookup is scoped to the customer: another's order is "not found". */
public interface OrderService {

    Page<Order> orders(long customerId, int page, int pageSize);

    Optional<Order> order(long customerId, long orderId);

    Optional<Order> orderByNumber(long customerId, String orderNumber);

    /** Moves an order along a legal transition (clerk/back office). Cancelling returns its stock. */
    Order changeStatus(long orderId, OrderStatus target);

    /** A shopper cancels their own pending order; its stock is returned. */
    Order cancel(long customerId, long orderId);
}
