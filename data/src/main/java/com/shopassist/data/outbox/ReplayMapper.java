package com.shopassist.data.outbox;

import com.shopassist.data.db.SqlMapper;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Param;

/** The store's side of a replay: applied change ids, and queued checkouts it refused. */
public interface ReplayMapper extends SqlMapper {

    Optional<AppliedRow> findApplied(@Param("changeId") String changeId);

    void insertApplied(
            @Param("changeId") String changeId,
            @Param("kind") String kind,
            @Param("outcome") String outcome,
            @Param("detail") String detail,
            @Param("kioskId") String kioskId,
            @Param("at") Instant at);

    void insertRejection(
            @Param("changeId") String changeId,
            @Param("reference") String reference,
            @Param("idempotencyKey") String idempotencyKey,
            @Param("customerId") long customerId,
            @Param("reason") String reason,
            @Param("message") String message,
            @Param("kioskId") String kioskId,
            @Param("queuedAt") Instant queuedAt,
            @Param("rejectedAt") Instant rejectedAt);

    List<RejectionRow> latestRejections(@Param("limit") int limit);

    boolean actsFor(@Param("customerId") long customerId);

    boolean noteChangesWaiting(
            @Param("customerId") long customerId,
            @Param("waiting") int waiting,
            @Param("kioskId") String kioskId,
            @Param("at") Instant at);

    int deleteChangesWaiting(@Param("customerId") long customerId, @Param("kioskId") String kioskId);

    /** An applied change's recorded outcome. */
    record AppliedRow(String outcome, String outcomeDetail) {}

    /** A refused queued checkout, column order = CheckoutRejection but the id as text. */
    record RejectionRow(
            String changeId,
            String reference,
            String idempotencyKey,
            long customerId,
            String reason,
            String message,
            String kioskId,
            Instant queuedAt,
            Instant rejectedAt) {}
}
