package com.shopassist.core.order;

import com.shopassist.core.common.NotFoundException;
import com.shopassist.core.common.Page;
import com.shopassist.core.common.Transactions;
import com.shopassist.core.stock.StockRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@link OrderService}. Status changes lock the order row, then (when stock comes back) the
 * product rows in id order, so they never deadlock with checkouts.
 */
public final class DefaultOrderService implements OrderService {

    private final OrderRepository orders;
    private final StockRepository stock;
    private final Transactions tx;
    private final Clock clock;

    public DefaultOrderService(OrderRepository orders, StockRepository stock, Transactions tx, Clock clock) {
        this.orders = orders;
        this.stock = stock;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public Page<Order> orders(long customerId, int page, int pageSize) {
        return orders.ofCustomer(customerId, Math.max(1, page), Math.max(1, Math.min(pageSize, 100)));
    }

    @Override
    public Optional<Order> order(long customerId, long orderId) {
        return orders.findOfCustomer(customerId, orderId);
    }

    @Override
    public Optional<Order> orderByNumber(long customerId, String orderNumber) {
        if (orderNumber == null || orderNumber.isBlank()) return Optional.empty();
        return orders.findByNumber(customerId, orderNumber.strip().toUpperCase(Locale.ROOT));
    }

    @Override
    public Order changeStatus(long orderId, OrderStatus target) {
        tx.run(() -> {
            LockedOrder o = orders.lock(orderId).orElseThrow(() -> new NotFoundException("Order", orderId));
            move(o, target);
        });
        return orders.find(orderId).orElseThrow(() -> new NotFoundException("Order", orderId));
    }

    @Override
    public Order cancel(long customerId, long orderId) {
        tx.run(() -> {
            LockedOrder o = orders.lock(orderId)
                    .filter(l -> l.customerId() == customerId)
                    .orElseThrow(() -> new NotFoundException("Order", orderId));
            // shoppers cancel only what has not been paid; the back office may cancel a paid order
            if (o.status() != OrderStatus.PENDING) {
                throw new InvalidTransitionException(o.orderNumber(), o.status(), OrderStatus.CANCELLED);
            }
            move(o, OrderStatus.CANCELLED);
        });
        return orders.find(orderId).orElseThrow(() -> new NotFoundException("Order", orderId));
    }

    private void move(LockedOrder o, OrderStatus target) {
        if (!o.status().canMoveTo(target)) {
            throw new InvalidTransitionException(o.orderNumber(), o.status(), target);
        }
        Instant now = clock.instant();
        if (target == OrderStatus.CANCELLED) {
            Order full = orders.find(o.orderId()).orElseThrow();
            List<OrderLine> lines = full.lines().stream()
                    .sorted(Comparator.comparingLong(OrderLine::productId))
                    .toList();
            stock.lockProducts(
                    lines.stream().map(OrderLine::productId).distinct().toList());
            for (OrderLine line : lines) {
                stock.returnToStock(line.productId(), line.quantity(), o.orderId(), now);
            }
            // the voucher use comes back with the status change: the store database does it (V100),
            // in the same statement, once, and no kiosk can lower a voucher's count any other way
        }
        orders.setStatus(o.orderId(), target, now);
    }
}
