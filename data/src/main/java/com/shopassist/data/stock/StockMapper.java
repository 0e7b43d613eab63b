package com.shopassist.data.stock;

import com.shopassist.core.stock.Hold;
import com.shopassist.core.stock.StockCounters;
import com.shopassist.data.db.SqlMapper;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Param;

/**
 * Stock counters, holds and movements. Statements that change a counter write the movement in
 * the same statement (data-modifying CTEs): one round trip per change.
 */
public interface StockMapper extends SqlMapper {

    Optional<StockCounters> lockProduct(@Param("productId") long productId);

    List<StockCounters> lockProducts(@Param("ids") Collection<Long> productIds);

    Optional<Hold> reserveNewHold(
            @Param("productId") long productId,
            @Param("cartId") long cartId,
            @Param("quantity") int quantity,
            @Param("now") Instant now,
            @Param("expiresAt") Instant expiresAt,
            @Param("kioskId") String kioskId);

    Optional<StockCounters> reserveMore(
            @Param("productId") long productId,
            @Param("quantity") int quantity,
            @Param("cartId") long cartId,
            @Param("now") Instant now);

    StockCounters unreserve(
            @Param("productId") long productId,
            @Param("quantity") int quantity,
            @Param("type") String type,
            @Param("cartId") Long cartId,
            @Param("now") Instant now);

    Optional<Hold> holdFor(@Param("cartId") long cartId, @Param("productId") long productId);

    List<Hold> holdsOfCart(@Param("cartId") long cartId);

    Optional<Long> updateHold(
            @Param("holdId") long holdId,
            @Param("quantity") int quantity,
            @Param("expiresAt") Instant expiresAt,
            @Param("kioskId") String kioskId);

    Optional<Hold> deleteHold(@Param("holdId") long holdId);

    List<Hold> deleteExpiredHolds(@Param("productId") long productId, @Param("now") Instant now);

    List<Long> productsWithExpiredHolds(@Param("now") Instant now, @Param("limit") int limit);

    Optional<StockCounters> sell(
            @Param("productId") long productId,
            @Param("quantity") int quantity,
            @Param("orderId") long orderId,
            @Param("now") Instant now);

    StockCounters returnToStock(
            @Param("productId") long productId,
            @Param("quantity") int quantity,
            @Param("orderId") long orderId,
            @Param("now") Instant now);

    StockCounters restock(
            @Param("productId") long productId, @Param("quantity") int quantity, @Param("now") Instant now);

    /** See the XML: the units held beyond {@code until}, and the holds that expire from {@code from} to it. */
    List<SnapshotRow> snapshots(
            @Param("ids") Collection<Long> productIds, @Param("from") Instant from, @Param("until") Instant until);

    List<MovementRow> movements(@Param("productId") long productId, @Param("limit") int limit);

    /**
     * A product, the units held beyond the window, and one of the holds that expire inside it
     * (quantity and expiresAt null when none does).
     */
    record SnapshotRow(
            long productId,
            String productName,
            int stockQuantity,
            int lowStockThreshold,
            boolean isActive,
            int heldBeyond,
            Integer quantity,
            Instant expiresAt) {}

    /** A stock movement row. */
    record MovementRow(
            long stockMovementId,
            long productId,
            String movementType,
            int quantity,
            int quantityBefore,
            int quantityAfter,
            String referenceType,
            String referenceId,
            Instant createdAt) {}
}
