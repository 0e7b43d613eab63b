package com.shopassist.data.outbox;

import com.shopassist.data.db.SqlMapper;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Param;

/** tbl_cart_outbox and the bases of its owners, in the kiosk's local database. */
public interface OutboxMapper extends SqlMapper {

    int insertChange(
            @Param("changeId") String changeId,
            @Param("customerId") Long customerId,
            @Param("guestKey") String guestKey,
            @Param("kind") String kind,
            @Param("productId") Long productId,
            @Param("quantity") Integer quantity,
            @Param("voucherCode") String voucherCode,
            @Param("priceSeen") BigDecimal priceSeen,
            @Param("addressId") Long addressId,
            @Param("idempotencyKey") String idempotencyKey,
            @Param("reference") String reference,
            @Param("queuedAt") Instant queuedAt,
            @Param("sessionToken") String sessionToken);

    List<ChangeRow> pending(@Param("limit") int limit);

    List<ChangeRow> parkedFirst();

    int park(@Param("customerId") long customerId, @Param("reason") String reason, @Param("at") Instant at);

    int forgetParkedSessions(@Param("customerId") long customerId);

    int unpark(@Param("customerId") long customerId);

    List<ChangeRow> pendingOf(@Param("customerId") Long customerId, @Param("guestKey") String guestKey);

    boolean hasPending(@Param("customerId") Long customerId, @Param("guestKey") String guestKey);

    int pendingCount();

    List<ChangeRow> latestPending();

    SummaryRow summary();

    /** The outbox at a glance. */
    record SummaryRow(int waiting, Instant oldest, int failing, String lastError) {}

    int markDone(
            @Param("changeId") String changeId,
            @Param("outcome") String outcome,
            @Param("detail") String detail,
            @Param("at") Instant at);

    Optional<Integer> recordFailure(@Param("changeId") String changeId, @Param("error") String error);

    int deleteDoneBefore(@Param("before") Instant before);

    int deleteDrainedBases();

    void upsertBase(
            @Param("ownerKey") String ownerKey,
            @Param("cartId") long cartId,
            @Param("voucherCode") String voucherCode,
            @Param("asOf") Instant asOf);

    void deleteBaseLines(@Param("ownerKey") String ownerKey);

    void insertBaseLine(
            @Param("ownerKey") String ownerKey,
            @Param("position") int position,
            @Param("productId") long productId,
            @Param("quantity") int quantity);

    Optional<BaseRow> base(@Param("ownerKey") String ownerKey);

    List<BaseLineRow> baseLines(@Param("ownerKey") String ownerKey);

    /** A change as stored. */
    record ChangeRow(
            String changeId,
            Long customerId,
            String guestKey,
            String kind,
            Long productId,
            Integer quantity,
            String voucherCode,
            BigDecimal priceSeen,
            Long addressId,
            String idempotencyKey,
            String reference,
            Instant queuedAt,
            String sessionToken) {}

    /** An owner's base cart. */
    record BaseRow(long cartId, String voucherCode, Instant asOf) {}

    /** A line of a base cart. */
    record BaseLineRow(long productId, int quantity) {}
}
