package com.shopassist.core.order;

import com.shopassist.core.common.Page;
import java.time.Instant;
import java.util.Optional;

/** Port: tbl_order and tbl_order_items. */
public interface OrderRepository {

    /** The next order id, taken before the insert so the order number can be derived from it. */
    long nextOrderId();

    void insert(NewOrder order);

    Optional<Order> find(long orderId);

    Optional<Order> findOfCustomer(long customerId, long orderId);

    Optional<Order> findByNumber(long customerId, String orderNumber);

    Page<Order> ofCustomer(long customerId, int page, int pageSize);

    /** Locks the order row until the transaction ends. */
    Optional<LockedOrder> lock(long orderId);

    /** Sets the status and its timestamp column (paid_at, shipped_at, ...). */
    void setStatus(long orderId, OrderStatus status, Instant at);
}
