package com.shopassist.core.outbox;

import java.util.Objects;

/**
 * What replaying a change did on the store's database, as it was recorded there with the change.
 *
 * @param detail the order number (ORDER_PLACED), the stable code that refused it (REJECTED), or null
 */
public record ChangeOutcome(Status status, String detail) {

    /** How a replayed change ended. */
    public enum Status {
        /** Done as the shopper made it. */
        APPLIED,
        /** Done with what the store allowed: fewer units, a line kept at 0, a changed price (see the cart's notices). */
        ADJUSTED,
        /** Not done, for good (a voucher that no longer applies, a checkout that cannot be honoured). */
        REJECTED,
        /** A queued checkout became this order. */
        ORDER_PLACED
    }

    public ChangeOutcome {
        Objects.requireNonNull(status, "status");
    }

    public static final ChangeOutcome APPLIED = new ChangeOutcome(Status.APPLIED, null);
    public static final ChangeOutcome ADJUSTED = new ChangeOutcome(Status.ADJUSTED, null);

    public static ChangeOutcome rejected(String code) {
        return new ChangeOutcome(Status.REJECTED, code);
    }

    public static ChangeOutcome orderPlaced(String orderNumber) {
        return new ChangeOutcome(Status.ORDER_PLACED, orderNumber);
    }
}
