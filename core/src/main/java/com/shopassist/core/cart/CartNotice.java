package com.shopassist.core.cart;

import com.shopassist.core.money.Money;
import java.time.Instant;
import java.util.Objects;

/**
 * Something the shopper must be told about their cart: a change queued while the store's database
 * could not be reached met a different store when it was replayed (decision 0096). It stays with
 * the cart until the shopper dismisses it, clears the cart or checks out. The UI words it from
 * {@link #kind()} and the fields; {@link #message()} is the English sentence for logs, the CLI and
 * the assistants.
 *
 * @param productId the line's product (null for a voucher or a checkout)
 * @param productName its name as the store has it now (null without a product)
 * @param requested units the shopper asked for
 * @param kept units the line holds now (0: kept with quantity 0, no longer available)
 * @param priceSeen the unit price the shopper saw offline (PRICE_CHANGED)
 * @param priceNow the unit price the store charges now (PRICE_CHANGED)
 * @param voucherCode the voucher (VOUCHER_REJECTED)
 * @param reference the queued checkout's reference (CHECKOUT_REJECTED), the kiosk changes wait at
 *     (CHANGES_WAITING)
 * @param reason a stable code: a {@code VoucherRejection} name, or the error code that refused a
 *     queued checkout
 */
public record CartNotice(
        Kind kind,
        Long productId,
        String productName,
        int requested,
        int kept,
        Money priceSeen,
        Money priceNow,
        String voucherCode,
        String reference,
        String reason,
        Instant createdAt) {

    /** What happened. */
    public enum Kind {
        /** Stock ran out while offline: the line is kept with quantity 0. */
        UNAVAILABLE,
        /** Fewer units could be held than asked for: the line holds {@code kept}. */
        SHORT,
        /** The store's price is not the one the shopper saw offline: the line has the store's price. */
        PRICE_CHANGED,
        /** A voucher applied offline did not apply when replayed (expired, used up, ...). */
        VOUCHER_REJECTED,
        /** A checkout queued offline could not be honoured: no order was placed, the cart is kept. */
        CHECKOUT_REJECTED,
        /**
         * {@code requested} changes made offline wait at kiosk {@code reference} for the shopper to
         * sign in there again: their session had ended when the store came back (decision 0087).
         */
        CHANGES_WAITING
    }

    public CartNotice {
        Objects.requireNonNull(kind, "kind");
    }

    public static CartNotice unavailable(long productId, String productName, int requested, Instant at) {
        return new CartNotice(Kind.UNAVAILABLE, productId, productName, requested, 0, null, null, null, null, null, at);
    }

    public static CartNotice shortOf(long productId, String productName, int requested, int kept, Instant at) {
        return new CartNotice(Kind.SHORT, productId, productName, requested, kept, null, null, null, null, null, at);
    }

    public static CartNotice priceChanged(
            long productId, String productName, int quantity, Money seen, Money now, Instant at) {
        return new CartNotice(
                Kind.PRICE_CHANGED, productId, productName, quantity, quantity, seen, now, null, null, null, at);
    }

    public static CartNotice voucherRejected(String voucherCode, String reason, Instant at) {
        return new CartNotice(Kind.VOUCHER_REJECTED, null, null, 0, 0, null, null, voucherCode, null, reason, at);
    }

    public static CartNotice checkoutRejected(String reference, String reason, Instant at) {
        return new CartNotice(Kind.CHECKOUT_REJECTED, null, null, 0, 0, null, null, null, reference, reason, at);
    }

    public static CartNotice changesWaiting(int waiting, String kioskId, Instant at) {
        return new CartNotice(Kind.CHANGES_WAITING, null, null, waiting, 0, null, null, null, kioskId, null, at);
    }

    /** The notice in plain English. */
    public String message() {
        return switch (kind) {
            case UNAVAILABLE -> productName + " is no longer available: it stays in your cart with quantity 0";
            case SHORT -> "Only " + kept + " of " + productName + " could be kept (you asked for " + requested + ")";
            case PRICE_CHANGED ->
                "The price of " + productName + " changed from " + priceSeen.format() + " to " + priceNow.format();
            case VOUCHER_REJECTED -> "Voucher " + voucherCode + " could not be applied (" + reason + ")";
            case CHECKOUT_REJECTED ->
                "Order request " + reference + " could not be placed (" + reason
                        + "); your cart is kept and a clerk can help";
            case CHANGES_WAITING ->
                requested + " cart change(s) you made at kiosk " + reference
                        + " while the store was offline wait there: sign in at that kiosk to add them, or ask a clerk";
        };
    }
}
