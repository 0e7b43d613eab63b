package com.shopassist.data.cart;

import com.shopassist.core.cart.CartRecord;
import com.shopassist.core.stock.Hold;
import com.shopassist.data.db.SqlMapper;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Param;

/** tbl_cart and tbl_cart_item, and a product's first add to a cart (its hold included). */
public interface CartMapper extends SqlMapper {

    /** SET LOCAL synchronous_commit = off, as a function call; returns the new value. */
    String commitWithoutWaitingForDisk();

    /** The session's synchronous_commit right now (tests). */
    String synchronousCommit();

    /** Inserts the cart or, when it exists, touches it: either way its row is locked. */
    CartRecord upsertCustomerCart(@Param("customerId") long customerId, @Param("now") Instant now);

    CartRecord upsertGuestCart(@Param("guestKey") String guestKey, @Param("now") Instant now);

    Optional<CartRecord> find(
            @Param("customerId") Long customerId, @Param("guestKey") String guestKey, @Param("lock") boolean lock);

    List<QuantityRow> quantities(@Param("cartId") long cartId);

    List<ItemRow> details(@Param("cartId") long cartId, @Param("now") Instant now);

    void upsertItem(
            @Param("cartId") long cartId,
            @Param("productId") long productId,
            @Param("quantity") int quantity,
            @Param("now") Instant now);

    void deleteItem(@Param("cartId") long cartId, @Param("productId") long productId);

    void deleteItems(@Param("cartId") long cartId);

    void setVoucher(@Param("cartId") long cartId, @Param("voucherId") Long voucherId, @Param("now") Instant now);

    void delete(@Param("cartId") long cartId);

    /** See the XML: never inside a transaction, it commits. */
    Optional<Hold> addFirstLineAndCommit(
            @Param("customerId") Long customerId,
            @Param("guestKey") String guestKey,
            @Param("productId") long productId,
            @Param("quantity") int quantity,
            @Param("now") Instant now,
            @Param("expiresAt") Instant expiresAt,
            @Param("kioskId") String kioskId,
            @Param("waitForDisk") boolean waitForDisk);

    /** See the XML: never inside a transaction, it commits. */
    Optional<Hold> changeHeldLineAndCommit(
            @Param("customerId") Long customerId,
            @Param("guestKey") String guestKey,
            @Param("productId") long productId,
            @Param("quantity") int quantity,
            @Param("add") boolean add,
            @Param("now") Instant now,
            @Param("expiresAt") Instant expiresAt,
            @Param("kioskId") String kioskId,
            @Param("waitForDisk") boolean waitForDisk);

    void addNotice(
            @Param("cartId") long cartId,
            @Param("kind") String kind,
            @Param("productId") Long productId,
            @Param("requested") int requested,
            @Param("kept") int kept,
            @Param("priceSeen") BigDecimal priceSeen,
            @Param("priceNow") BigDecimal priceNow,
            @Param("voucherCode") String voucherCode,
            @Param("reference") String reference,
            @Param("reason") String reason,
            @Param("createdAt") Instant createdAt);

    List<NoticeRow> notices(@Param("cartId") long cartId);

    void deleteNoticesOfProduct(@Param("cartId") long cartId, @Param("productId") long productId);

    void deleteNotices(@Param("cartId") long cartId);

    /** A notice with its product's name now. */
    record NoticeRow(
            String kind,
            Long productId,
            String productName,
            int requested,
            int kept,
            BigDecimal priceSeen,
            BigDecimal priceNow,
            String voucherCode,
            String reference,
            String reason,
            Instant createdAt) {}

    /** A line's quantity. */
    record QuantityRow(long productId, int quantity) {}

    /** A line with its product now. */
    record ItemRow(
            long productId,
            String productName,
            String productBrand,
            BigDecimal retailPrice,
            int quantity,
            int available,
            String imageRef,
            boolean isActive) {}
}
