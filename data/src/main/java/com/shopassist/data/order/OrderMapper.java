package com.shopassist.data.order;

import com.shopassist.core.order.NewOrder;
import com.shopassist.data.db.SqlMapper;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Param;

/** tbl_order and tbl_order_items. */
public interface OrderMapper extends SqlMapper {

    long nextOrderId();

    void insertOrder(@Param("o") NewOrder order);

    void insertLine(
            @Param("orderId") long orderId, @Param("customerId") long customerId, @Param("l") NewOrder.Line line);

    List<OrderRow> find(
            @Param("orderId") Long orderId,
            @Param("customerId") Long customerId,
            @Param("orderNumber") String orderNumber);

    List<OrderRow> ofCustomer(
            @Param("customerId") long customerId, @Param("limit") int limit, @Param("offset") int offset);

    long countOfCustomer(@Param("customerId") long customerId);

    List<LineRow> lines(@Param("orderIds") Collection<Long> orderIds);

    Optional<LockRow> lock(@Param("orderId") long orderId);

    void setStatus(@Param("orderId") long orderId, @Param("status") String status, @Param("at") Instant at);

    /** An order header. */
    record OrderRow(
            long orderId,
            String orderNumber,
            long customerId,
            String status,
            BigDecimal subtotal,
            BigDecimal discountAmount,
            BigDecimal totalAmount,
            String voucherCode,
            Long shippingAddressId,
            String shippingAddressText,
            Instant createdAt,
            Instant paidAt,
            Instant shippedAt,
            Instant deliveredAt,
            Instant cancelledAt) {}

    /** An order line. */
    record LineRow(
            long orderItemId,
            long orderId,
            long productId,
            String productName,
            int quantity,
            BigDecimal unitPrice,
            BigDecimal lineSubtotal,
            BigDecimal lineDiscount,
            BigDecimal lineTotal) {}

    /** A locked order row. */
    record LockRow(long orderId, String orderNumber, long customerId, String status, Long voucherId) {}
}
