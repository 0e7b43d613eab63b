package com.shopassist.data.order;

import com.shopassist.core.common.Page;
import com.shopassist.core.money.Money;
import com.shopassist.core.order.LockedOrder;
import com.shopassist.core.order.NewOrder;
import com.shopassist.core.order.Order;
import com.shopassist.core.order.OrderLine;
import com.shopassist.core.order.OrderRepository;
import com.shopassist.core.order.OrderStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Orders in PostgreSQL. */
public final class MyBatisOrderRepository implements OrderRepository {

    private final OrderMapper mapper;

    public MyBatisOrderRepository(OrderMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public long nextOrderId() {
        return mapper.nextOrderId();
    }

    @Override
    public void insert(NewOrder order) {
        mapper.insertOrder(order);
        for (NewOrder.Line l : order.lines()) mapper.insertLine(order.orderId(), order.customerId(), l);
    }

    @Override
    public Optional<Order> find(long orderId) {
        return one(mapper.find(orderId, null, null));
    }

    @Override
    public Optional<Order> findOfCustomer(long customerId, long orderId) {
        return one(mapper.find(orderId, customerId, null));
    }

    @Override
    public Optional<Order> findByNumber(long customerId, String orderNumber) {
        return one(mapper.find(null, customerId, orderNumber));
    }

    @Override
    public Page<Order> ofCustomer(long customerId, int page, int pageSize) {
        List<OrderMapper.OrderRow> rows = mapper.ofCustomer(customerId, pageSize, (page - 1) * pageSize);
        long total = mapper.countOfCustomer(customerId);
        return new Page<>(withLines(rows), total, page, pageSize);
    }

    @Override
    public Optional<LockedOrder> lock(long orderId) {
        return mapper.lock(orderId)
                .map(r -> new LockedOrder(
                        r.orderId(), r.orderNumber(), r.customerId(), OrderStatus.valueOf(r.status()), r.voucherId()));
    }

    @Override
    public void setStatus(long orderId, OrderStatus status, Instant at) {
        mapper.setStatus(orderId, status.name(), at);
    }

    private Optional<Order> one(List<OrderMapper.OrderRow> rows) {
        return withLines(rows).stream().findFirst();
    }

    private List<Order> withLines(List<OrderMapper.OrderRow> rows) {
        if (rows.isEmpty()) return List.of();
        Map<Long, List<OrderLine>> lines = new HashMap<>();
        for (OrderMapper.LineRow l :
                mapper.lines(rows.stream().map(OrderMapper.OrderRow::orderId).toList())) {
            lines.computeIfAbsent(l.orderId(), k -> new ArrayList<>())
                    .add(new OrderLine(
                            l.orderItemId(),
                            l.productId(),
                            l.productName(),
                            l.quantity(),
                            Money.of(l.unitPrice()),
                            Money.of(l.lineSubtotal()),
                            Money.of(l.lineDiscount()),
                            Money.of(l.lineTotal())));
        }
        List<Order> out = new ArrayList<>();
        for (OrderMapper.OrderRow r : rows) {
            out.add(new Order(
                    r.orderId(),
                    r.orderNumber(),
                    r.customerId(),
                    OrderStatus.valueOf(r.status()),
                    lines.getOrDefault(r.orderId(), List.of()),
                    Money.of(r.subtotal()),
                    Money.of(r.discountAmount()),
                    Money.of(r.totalAmount()),
                    r.voucherCode(),
                    r.shippingAddressId(),
                    r.shippingAddressText(),
                    r.createdAt(),
                    r.paidAt(),
                    r.shippedAt(),
                    r.deliveredAt(),
                    r.cancelledAt()));
        }
        return out;
    }
}
