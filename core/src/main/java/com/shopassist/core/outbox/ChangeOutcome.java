package com.shopassist.core.outbox;

import java.util.Objects;

/**
 * What replaying a change did on the store's database, as it was recorded there with the change.
 *
 * @param detail the order number (ORDER_PLACED), the stable code that refused it (REJECTED), the
 *     line's quantity at the store after an added or set line the store took with fewer units or a
 *     new price (ADJUSTED, 0: kept at 0), or null
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

    /** A line change the store took as it could: the line now holds {@code lineQuantity} units. */
    public static ChangeOutcome adjusted(int lineQuantity) {
        return new ChangeOutcome(Status.ADJUSTED, Integer.toString(lineQuantity));
    }

    /** The line's quantity at the store after an {@link #adjusted(int)} line change, if recorded. */
    public java.util.OptionalInt lineQuantity() {
        if (status != Status.ADJUSTED || detail == null) return java.util.OptionalInt.empty();
        try {
            return java.util.OptionalInt.of(Integer.parseInt(detail));
        } catch (NumberFormatException e) {
            return java.util.OptionalInt.empty();
        }
    }

    public static ChangeOutcome rejected(String code) {
        return new ChangeOutcome(Status.REJECTED, code);
    }

    public static ChangeOutcome orderPlaced(String orderNumber) {
        return new ChangeOutcome(Status.ORDER_PLACED, orderNumber);
    }
}
