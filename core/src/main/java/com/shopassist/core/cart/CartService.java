package com.shopassist.core.cart;

import com.shopassist.core.voucher.VoucherService.VoucherOption;
import java.util.List;

/**
 * One database-backed cart per customer and per guest kiosk session. Adding holds stock for
 * the configured time (default 30 min); removing and clearing release it.
 *
 * @throws com.shopassist.core.stock.InsufficientStockException when more is asked than available
 * @throws com.shopassist.core.common.NotFoundException for an unknown product
 * @throws com.shopassist.core.common.ValidationException for a quantity outside 1..999
 */
public interface CartService {

    Cart cart(CartOwner owner);

    /** Adds {@code quantity} more of the product (a new line or a larger one). */
    Cart add(CartOwner owner, long productId, int quantity);

    /** Sets the line's quantity; 0 removes the line. */
    Cart setQuantity(CartOwner owner, long productId, int quantity);

    Cart remove(CartOwner owner, long productId);

    Cart clear(CartOwner owner);

    /** @throws com.shopassist.core.voucher.VoucherNotApplicableException with the reason */
    Cart applyVoucher(CartOwner owner, String code);

    Cart removeVoucher(CartOwner owner);

    /**
     * The vouchers usable now, each with whether it applies to the owner's cart and, if not,
     * why: the ones that apply first, the biggest saving first.
     */
    List<VoucherOption> voucherOptions(CartOwner owner);

    /**
     * Adds {@code quantity} more of the product, or as many as can be held now if fewer (a replayed
     * change, decision 0096): the line never asks more of the stock than there is, and a product
     * no longer sold keeps no line. Says what the line wanted and what it holds now.
     *
     * @throws com.shopassist.core.common.ValidationException for a quantity outside 1..999
     */
    LineOutcome addAtMost(CartOwner owner, long productId, int quantity);

    /** {@link #setQuantity}, or as many as can be held now if fewer: see {@link #addAtMost}. */
    LineOutcome setQuantityAtMost(CartOwner owner, long productId, int quantity);

    /**
     * Holds again every line of the owner's cart whose hold lapsed (a long outage, decision 0096), or
     * as many of it as stock allows now. Returns the lines that could not keep all they had.
     */
    List<LineOutcome> holdLinesAgain(CartOwner owner);

    /** The shopper has read the cart's notices: they are forgotten. */
    Cart dismissNotices(CartOwner owner);

    /** A line after a change made with what stock allows: what it wanted and what it holds. */
    record LineOutcome(long productId, int wanted, int kept) {
        public boolean trimmed() {
            return kept < wanted;
        }
    }

    /** A guest who signs in brings the kiosk cart along (lines merged, holds kept). */
    Cart mergeGuestIntoCustomer(String guestKey, long customerId);

    /** The kiosk's idle reset: releases every hold of the guest cart and deletes it. */
    void discard(CartOwner owner);

    /**
     * The shopper left a shared kiosk: the stock holds this kiosk took for the owner's cart are
     * released, the lines stay (decisions 0045, 0095). Holds another kiosk took for the same
     * customer stay theirs. The next change of a line or the checkout holds stock again, if there
     * still is some.
     */
    void releaseHolds(CartOwner owner);

    /**
     * A guest session has just started with this new key: no cart can exist for it yet. A cart
     * service that would read a cart before its first change (a kiosk with an outbox) may take it
     * as empty instead. Nothing for the others.
     */
    default void guestStarted(String guestKey) {}
}
