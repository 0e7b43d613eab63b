package com.shopassist.core.outbox;

import com.shopassist.core.cart.CartOwner;
import com.shopassist.core.money.Money;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One cart change waiting in a kiosk's outbox (decision 0096): made while the store's database
 * could not be reached, replayed in order when it can. {@link #changeId()} is made by the kiosk
 * before the change is queued; the store's database knows a replayed change by it and never
 * applies it twice.
 *
 * @param productId the line's product (ADD, SET_QUANTITY, REMOVE)
 * @param quantity ADD: how many more; SET_QUANTITY: the line's new quantity
 * @param voucherCode APPLY_VOUCHER's code
 * @param priceSeen the unit price the shopper saw (ADD, SET_QUANTITY) or the total (CHECKOUT)
 * @param addressId a queued checkout's address
 * @param idempotencyKey a queued checkout's key (decision 0013): never two orders for one request
 * @param reference what the shopper is given for a queued checkout, and what a clerk looks up
 * @param session the token of the sign-in session a customer's change was made under, presented
 *     again when it is replayed (decision 0087); null for a guest or when none was presented. A
 *     secret: {@link #toString()} never shows it.
 */
public record CartChange(
        UUID changeId,
        CartOwner owner,
        Kind kind,
        Long productId,
        Integer quantity,
        String voucherCode,
        Money priceSeen,
        Long addressId,
        String idempotencyKey,
        String reference,
        Instant queuedAt,
        String session) {

    /** What the change does, in the words of {@link com.shopassist.core.cart.CartService}. */
    public enum Kind {
        ADD,
        SET_QUANTITY,
        REMOVE,
        CLEAR,
        APPLY_VOUCHER,
        REMOVE_VOUCHER,
        /** The shopper left the kiosk: the holds this kiosk took are released (decision 0095). */
        RELEASE_HOLDS,
        /** A guest's idle reset: the guest cart is thrown away. */
        DISCARD,
        /** Queued by the replay itself: the cart's lines hold their stock again after a long outage. */
        HOLD_AGAIN,
        CHECKOUT
    }

    public CartChange {
        Objects.requireNonNull(changeId, "changeId");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(queuedAt, "queuedAt");
        if (owner.isGuest()) session = null; // a guest's cart is the kiosk role's, never a session's
    }

    /** This change, made under {@code token}'s session. */
    public CartChange withSession(String token) {
        return new CartChange(
                changeId,
                owner,
                kind,
                productId,
                quantity,
                voucherCode,
                priceSeen,
                addressId,
                idempotencyKey,
                reference,
                queuedAt,
                token);
    }

    /** Everything but the session's token, which is a secret (logs, failures, test output). */
    @Override
    public String toString() {
        return "CartChange[changeId=" + changeId + ", owner=" + owner + ", kind=" + kind + ", productId=" + productId
                + ", quantity=" + quantity + ", voucherCode=" + voucherCode + ", priceSeen=" + priceSeen
                + ", addressId=" + addressId + ", reference=" + reference + ", queuedAt=" + queuedAt + ", session="
                + (session == null ? "none" : "(kept)") + "]";
    }

    public static CartChange add(CartOwner owner, long productId, int quantity, Money priceSeen, Instant now) {
        return line(owner, Kind.ADD, productId, quantity, priceSeen, now);
    }

    public static CartChange setQuantity(CartOwner owner, long productId, int quantity, Money priceSeen, Instant now) {
        return line(owner, Kind.SET_QUANTITY, productId, quantity, priceSeen, now);
    }

    public static CartChange remove(CartOwner owner, long productId, Instant now) {
        return line(owner, Kind.REMOVE, productId, null, null, now);
    }

    public static CartChange applyVoucher(CartOwner owner, String code, Instant now) {
        return new CartChange(
                UUID.randomUUID(), owner, Kind.APPLY_VOUCHER, null, null, code, null, null, null, null, now, null);
    }

    /** CLEAR, REMOVE_VOUCHER, RELEASE_HOLDS, DISCARD or HOLD_AGAIN: a change of the whole cart. */
    public static CartChange ofCart(CartOwner owner, Kind kind, Instant now) {
        return new CartChange(UUID.randomUUID(), owner, kind, null, null, null, null, null, null, null, now, null);
    }

    public static CartChange checkout(
            CartOwner owner, long addressId, String idempotencyKey, Money totalSeen, Instant now) {
        UUID id = UUID.randomUUID();
        return new CartChange(
                id,
                owner,
                Kind.CHECKOUT,
                null,
                null,
                null,
                totalSeen,
                addressId,
                idempotencyKey,
                referenceOf(id),
                now,
                null);
    }

    /** A queued checkout's reference: short enough to read out, unique with its change id. */
    static String referenceOf(UUID changeId) {
        return "Q-" + changeId.toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
    }

    private static CartChange line(
            CartOwner owner, Kind kind, long productId, Integer quantity, Money priceSeen, Instant now) {
        return new CartChange(
                UUID.randomUUID(), owner, kind, productId, quantity, null, priceSeen, null, null, null, now, null);
    }
}
