package com.shopassist.core.checkout;

import java.time.Instant;
import java.util.Optional;

/** Port: tbl_checkout_request, the idempotency keys of checkouts. */
public interface CheckoutRepository {

    /** The checkout already done with this key, if any. */
    Optional<CheckoutRecord> find(String idempotencyKey);

    /** Records the key in the order's transaction; false if the key is taken already. */
    boolean insert(String idempotencyKey, long customerId, long orderId, Instant now);

    /** A key and the order it made. */
    record CheckoutRecord(String idempotencyKey, long customerId, long orderId) {}
}
