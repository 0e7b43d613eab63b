package com.shopassist.core.outbox;

import java.time.Instant;
import java.util.UUID;

/**
 * A checkout queued offline that could not be honoured when it was replayed: no order was placed,
 * the customer's cart is kept. A clerk lists these and follows up with the customer.
 *
 * @param reason the stable code that refused it (INSUFFICIENT_STOCK, VOUCHER_EXPIRED, PRICE_ROSE, ...)
 * @param message the same in plain English
 */
public record CheckoutRejection(
        UUID changeId,
        String reference,
        String idempotencyKey,
        long customerId,
        String reason,
        String message,
        String kioskId,
        Instant queuedAt,
        Instant rejectedAt) {}
