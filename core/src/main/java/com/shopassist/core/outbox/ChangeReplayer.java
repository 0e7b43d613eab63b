package com.shopassist.core.outbox;

import com.shopassist.core.cart.CartItemDetail;
import com.shopassist.core.cart.CartNotice;
import com.shopassist.core.cart.CartOwner;
import com.shopassist.core.cart.CartRecord;
import com.shopassist.core.cart.CartRepository;
import com.shopassist.core.cart.CartService;
import com.shopassist.core.cart.CartService.LineOutcome;
import com.shopassist.core.checkout.CheckoutRepository;
import com.shopassist.core.checkout.CheckoutService;
import com.shopassist.core.common.DataUnavailableException;
import com.shopassist.core.common.ShopException;
import com.shopassist.core.common.Transactions;
import com.shopassist.core.order.Order;
import com.shopassist.core.voucher.VoucherNotApplicableException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Applies one queued change to the store's shared database exactly once (decision 0096), through
 * the same services a shopper's change goes through. In one transaction: the change's id is
 * looked up among the applied ones (found: its recorded outcome, nothing done), the change is
 * made, what the shopper must be told is kept with the cart, and the id is recorded with the
 * outcome. A change the store refuses (a voucher that expired, a checkout it cannot honour) is
 * rolled back whole and its refusal recorded the same way in a second transaction.
 *
 * <p>Conflicts have one outcome each: stock gone keeps the line at quantity 0 with an
 * {@link CartNotice.Kind#UNAVAILABLE} notice, fewer units than asked a {@link CartNotice.Kind#SHORT}
 * one (never more held than there is: the hold engine decides), a changed price a
 * {@link CartNotice.Kind#PRICE_CHANGED} one (the line has the store's price), a voucher that stopped
 * applying a {@link CartNotice.Kind#VOUCHER_REJECTED} one, a queued checkout that cannot be honoured
 * a {@link CheckoutRejection} for clerks and a {@link CartNotice.Kind#CHECKOUT_REJECTED} notice.
 */
public final class ChangeReplayer {

    private final CartService carts;
    private final CheckoutService checkout;
    private final CartRepository cartRows;
    private final CheckoutRepository checkoutKeys;
    private final AppliedChangeRepository applied;
    private final CheckoutRejectionRepository rejections;
    private final Transactions tx;
    private final Clock clock;
    private final String kioskId;
    private final ReplaySessions sessions;

    /**
     * @param carts the cart service over the shared database (not the outbox's)
     * @param checkout the checkout service over the shared database
     * @param kioskId this kiosk, recorded with each change it replays
     * @param sessions the sessions this kiosk presents to the store's database: a customer's change
     *     is replayed presenting the session it was made under (decision 0087)
     */
    public ChangeReplayer(
            CartService carts,
            CheckoutService checkout,
            CartRepository cartRows,
            CheckoutRepository checkoutKeys,
            AppliedChangeRepository applied,
            CheckoutRejectionRepository rejections,
            Transactions tx,
            Clock clock,
            String kioskId,
            ReplaySessions sessions) {
        this.carts = Objects.requireNonNull(carts, "carts");
        this.checkout = Objects.requireNonNull(checkout, "checkout");
        this.cartRows = Objects.requireNonNull(cartRows, "cartRows");
        this.checkoutKeys = Objects.requireNonNull(checkoutKeys, "checkoutKeys");
        this.applied = Objects.requireNonNull(applied, "applied");
        this.rejections = Objects.requireNonNull(rejections, "rejections");
        this.tx = Objects.requireNonNull(tx, "tx");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.kioskId = kioskId;
        this.sessions = Objects.requireNonNull(sessions, "sessions");
    }

    /** The session this kiosk presents now, kept with a change queued for a customer. */
    String presentedSession() {
        return sessions.presented();
    }

    /**
     * Applies the change unless the store's database has it already; returns its outcome either
     * way. Committed on the shared side when this returns.
     *
     * <p>A customer's change is made presenting the session it was made under, else the one this
     * kiosk presents now (the customer signed in again), whichever lets the store act for them; a
     * guest's presenting none (a guest cart is the kiosk role's).
     *
     * @throws DataUnavailableException when the store's database cannot be reached (then nothing of
     *     the change was committed, or all of it was: the next attempt finds out which)
     * @throws SessionEndedException when no session lets the store act for the customer any more
     *     (nothing was made)
     */
    public ChangeOutcome apply(CartChange change) {
        return asOwner(change, () -> {
            try {
                return once(change, () -> make(change));
            } catch (DataUnavailableException e) {
                throw e;
            } catch (ShopException refused) {
                return once(change, () -> refuse(change, refused));
            }
        });
    }

    /**
     * Gives up on a change that keeps failing for no reason the store states: recorded as refused
     * like any refusal (a queued checkout where clerks see it), so the changes after it can go.
     */
    public ChangeOutcome giveUp(CartChange change, RuntimeException failure) {
        ShopException refused = new ReplayFailedException(failure);
        return asOwner(change, () -> once(change, () -> refuse(change, refused)));
    }

    /**
     * Leaves a notice on the customer's cart at the store that {@code waiting} changes wait at this
     * kiosk for them to sign in again, presenting the ended session they were made under (the
     * store accepts it for this one thing). False when it could not (no such session any more).
     */
    public boolean noteWaiting(CartChange change, int waiting) {
        if (change.owner().isGuest() || change.session() == null) return false;
        return sessions.as(
                change.session(),
                () -> tx.inTransaction(() ->
                        applied.noteChangesWaiting(change.owner().customerId(), waiting, kioskId, clock.instant())));
    }

    /**
     * The customer's last waiting change went through: a notice that changes wait here for them
     * (left while their session had ended) goes, under the session that let the change through.
     */
    public void caughtUp(CartChange last) {
        CartOwner owner = last.owner();
        if (owner.isGuest()) return;
        asOwner(
                last,
                () -> tx.inTransaction(() -> {
                    if (!applied.actsFor(owner.customerId())) throw new SessionEndedException(owner.customerId());
                    applied.changesCaughtUp(owner.customerId(), kioskId);
                    return ChangeOutcome.APPLIED;
                }));
    }

    private ChangeOutcome asOwner(CartChange change, java.util.function.Supplier<ChangeOutcome> work) {
        if (change.owner().isGuest()) return sessions.as(null, work);
        // a change whose token was forgotten (its session ended, the store was told) goes as the
        // session presented now, without a try that cannot succeed first
        if (change.session() == null) return sessions.as(sessions.presented(), work);
        try {
            return sessions.as(change.session(), work);
        } catch (SessionEndedException ended) {
            String now = sessions.presented();
            if (now == null || now.equals(change.session())) throw ended;
            return sessions.as(now, work);
        }
    }

    private ChangeOutcome once(CartChange change, java.util.function.Supplier<ChangeOutcome> work) {
        try {
            return tx.inTransaction(() -> {
                Optional<ChangeOutcome> done = applied.find(change.changeId());
                if (done.isPresent()) return done.get();
                CartOwner owner = change.owner();
                if (!owner.isGuest() && !applied.actsFor(owner.customerId())) {
                    throw new SessionEndedException(owner.customerId());
                }
                ChangeOutcome outcome = work.get();
                applied.record(change.changeId(), change.kind(), outcome, kioskId, clock.instant());
                return outcome;
            });
        } catch (ChangeAlreadyAppliedException raced) {
            // another replay of the same change committed first; ours rolled back whole
            return applied.find(change.changeId()).orElseThrow(() -> raced);
        }
    }

    private ChangeOutcome make(CartChange c) {
        CartOwner owner = c.owner();
        switch (c.kind()) {
            case ADD -> {
                return lineOutcome(c, carts.addAtMost(owner, c.productId(), c.quantity()));
            }
            case SET_QUANTITY -> {
                if (c.quantity() == 0) {
                    carts.remove(owner, c.productId());
                    return ChangeOutcome.APPLIED;
                }
                return lineOutcome(c, carts.setQuantityAtMost(owner, c.productId(), c.quantity()));
            }
            case REMOVE -> carts.remove(owner, c.productId());
            case CLEAR -> carts.clear(owner);
            case APPLY_VOUCHER -> carts.applyVoucher(owner, c.voucherCode());
            case REMOVE_VOUCHER -> carts.removeVoucher(owner);
            case RELEASE_HOLDS -> carts.releaseHolds(owner);
            case DISCARD -> carts.discard(owner);
            case HOLD_AGAIN -> {
                List<LineOutcome> trimmed = carts.holdLinesAgain(owner);
                if (trimmed.isEmpty()) return ChangeOutcome.APPLIED;
                long cartId = cartId(owner).orElseThrow();
                for (LineOutcome o : trimmed) note(cartId, o, clock.instant());
                return ChangeOutcome.ADJUSTED;
            }
            case CHECKOUT -> {
                return placeOrder(c);
            }
        }
        return ChangeOutcome.APPLIED;
    }

    private ChangeOutcome lineOutcome(CartChange c, LineOutcome o) {
        Instant now = clock.instant();
        long cartId = cartId(c.owner()).orElseThrow();
        boolean adjusted = false;
        if (o.trimmed()) {
            note(cartId, o, now);
            adjusted = true;
        }
        if (o.kept() > 0 && c.priceSeen() != null) {
            Optional<CartItemDetail> line = cartRows.details(cartId, now).stream()
                    .filter(d -> d.productId() == c.productId())
                    .findFirst();
            if (line.isPresent() && !line.get().unitPrice().equals(c.priceSeen())) {
                cartRows.addNotice(
                        cartId,
                        CartNotice.priceChanged(
                                c.productId(),
                                line.get().name(),
                                o.kept(),
                                c.priceSeen(),
                                line.get().unitPrice(),
                                now));
                adjusted = true;
            }
        }
        return adjusted ? ChangeOutcome.adjusted(o.kept()) : ChangeOutcome.APPLIED;
    }

    private void note(long cartId, LineOutcome o, Instant now) {
        cartRows.addNotice(
                cartId,
                o.kept() == 0
                        ? CartNotice.unavailable(o.productId(), null, o.wanted(), now)
                        : CartNotice.shortOf(o.productId(), null, o.wanted(), o.kept(), now));
    }

    private ChangeOutcome placeOrder(CartChange c) {
        boolean placedBefore = checkoutKeys.find(c.idempotencyKey()).isPresent();
        Order order = checkout.checkout(c.owner().customerId(), c.addressId(), c.idempotencyKey());
        // the shopper agreed to the total they saw offline: never charge them more without asking
        if (!placedBefore && c.priceSeen() != null && order.total().compareTo(c.priceSeen()) > 0) {
            throw new PriceRoseException(c.priceSeen(), order.total());
        }
        return ChangeOutcome.orderPlaced(order.orderNumber());
    }

    private ChangeOutcome refuse(CartChange c, ShopException refused) {
        Instant now = clock.instant();
        if (c.kind() == CartChange.Kind.APPLY_VOUCHER && refused instanceof VoucherNotApplicableException v) {
            cartId(c.owner())
                    .ifPresent(cartId -> cartRows.addNotice(
                            cartId,
                            CartNotice.voucherRejected(
                                    c.voucherCode(), v.reason().name(), now)));
        } else if (c.kind() == CartChange.Kind.CHECKOUT) {
            rejections.record(new CheckoutRejection(
                    c.changeId(),
                    c.reference(),
                    c.idempotencyKey(),
                    c.owner().customerId(),
                    refused.code(),
                    refused.getMessage(),
                    kioskId,
                    c.queuedAt(),
                    now));
            cartId(c.owner())
                    .ifPresent(cartId -> cartRows.addNotice(
                            cartId, CartNotice.checkoutRejected(c.reference(), refused.code(), now)));
        }
        return ChangeOutcome.rejected(refused.code());
    }

    private Optional<Long> cartId(CartOwner owner) {
        return cartRows.find(owner).map(CartRecord::cartId);
    }
}
