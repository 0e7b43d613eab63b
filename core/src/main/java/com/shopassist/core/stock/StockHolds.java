package com.shopassist.core.stock;

import com.shopassist.core.common.NotFoundException;
import com.shopassist.core.common.Transactions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Holds stock for cart lines: one hold per line, sized to the line and refreshed on every change.
 * Available = stock - live holds; an expired hold stops counting at its expiry without any job
 * running. Methods run inside the caller's transaction, after the caller locked the cart row.
 *
 * <p>Reserving first tries one guarded UPDATE (stock - reserved >= q). Only when that fails does
 * it lock the product row, sweep this product's expired holds and try once more; if there is
 * still not enough it throws {@link StockShortage}, which rolls the transaction back.
 *
 * <p>Every hold records the kiosk that took it or changed it last ({@link #kioskId()}, decision
 * 0095), so a shopper leaving one kiosk gives back only what that kiosk held.
 */
public final class StockHolds {

    private final StockRepository stock;
    private final Clock clock;
    private final Duration holdDuration;
    private final String kioskId;

    /** Holds that name no kiosk (the store owner's commands, tests). */
    public StockHolds(StockRepository stock, Clock clock, Duration holdDuration) {
        this(stock, clock, holdDuration, null);
    }

    /** Holds taken by this kiosk ({@code kioskId}; null for none). */
    public StockHolds(StockRepository stock, Clock clock, Duration holdDuration, String kioskId) {
        this.stock = stock;
        this.clock = clock;
        this.holdDuration = holdDuration;
        this.kioskId = kioskId;
    }

    /** The kiosk the holds taken here name; null when none. */
    public String kioskId() {
        return kioskId;
    }

    public Instant now() {
        return clock.instant();
    }

    public Duration holdDuration() {
        return holdDuration;
    }

    /**
     * Makes the cart's hold on the product exactly {@code quantity} units, live for the hold
     * duration from now. 0 releases it.
     *
     * @throws StockShortage when the units cannot be held
     * @throws NotFoundException for an unknown or inactive product
     */
    public void holdForLine(long cartId, long productId, int quantity) {
        Instant now = clock.instant();
        // The usual add-to-cart, one statement: only when this cart holds none of it yet and
        // enough is free. The product row stays locked from here to commit, so callers do their
        // other writes first.
        if (quantity > 0
                && stock.reserveNewHold(productId, cartId, quantity, now, now.plus(holdDuration), kioskId)
                        .isPresent()) {
            return;
        }
        Optional<Hold> peek = stock.holdFor(cartId, productId);
        if (peek.isEmpty()) {
            if (quantity > 0) reserveNewSlowly(cartId, productId, quantity, now, 0);
            return;
        }
        // Lock the product before touching our hold: the sweeper locks product then holds too.
        StockCounters counters = lockActive(productId);
        Hold hold = stock.holdFor(cartId, productId).orElse(null);
        if (hold != null && !hold.liveAt(now)) {
            expire(hold, now);
            hold = null;
        }
        if (hold == null) {
            if (quantity > 0) reserveNew(cartId, productId, quantity, now, 0);
            return;
        }
        if (quantity == 0) {
            if (stock.deleteHold(hold.holdId()).isPresent()) {
                stock.unreserve(productId, hold.quantity(), MovementType.RELEASE, cartId, now);
            }
            return;
        }
        int delta = quantity - hold.quantity();
        if (delta > 0 && stock.reserveMore(productId, delta, cartId, now).isEmpty()) {
            sweepLocked(productId, now);
            if (stock.reserveMore(productId, delta, cartId, now).isEmpty()) {
                StockCounters after = stock.lockProduct(productId).orElse(counters);
                throw new StockShortage(productId, after.productName(), quantity, after.free(), hold.quantity());
            }
        } else if (delta < 0) {
            stock.unreserve(productId, -delta, MovementType.RELEASE, cartId, now);
        }
        stock.updateHold(hold.holdId(), quantity, now.plus(holdDuration), kioskId);
    }

    /** Whether the product exists, sold or not (its row is locked until the transaction ends). */
    public boolean productExists(long productId) {
        return stock.lockProduct(productId).isPresent();
    }

    /** Units of the product this cart holds right now (0 if none, or if its hold expired). */
    public int heldNow(long cartId, long productId) {
        Instant now = clock.instant();
        return stock.holdFor(cartId, productId)
                .filter(h -> h.liveAt(now))
                .map(Hold::quantity)
                .orElse(0);
    }

    /** Releases every hold of the cart (products in id order). */
    public void releaseCart(long cartId) {
        release(cartId, stock.holdsOfCart(cartId));
    }

    /**
     * Releases the holds of the cart that this kiosk took (and those that name no kiosk): a
     * shopper leaving this kiosk never gives back what another kiosk holds for the same cart.
     */
    public void releaseCartTakenHere(long cartId) {
        release(
                cartId,
                stock.holdsOfCart(cartId).stream()
                        .filter(h -> h.takenBy(kioskId))
                        .toList());
    }

    private void release(long cartId, List<Hold> ofCart) {
        Instant now = clock.instant();
        List<Hold> holds = ofCart.stream()
                .sorted(Comparator.comparingLong(Hold::productId))
                .toList();
        for (Hold h : holds) {
            stock.lockProduct(h.productId());
            stock.deleteHold(h.holdId())
                    .ifPresent(d -> stock.unreserve(
                            d.productId(),
                            d.quantity(),
                            d.liveAt(now) ? MovementType.RELEASE : MovementType.EXPIRE,
                            cartId,
                            now));
        }
    }

    /**
     * Checkout: the line's hold must be live and exactly {@code quantity} (re-held if it expired
     * and stock allows), then it is consumed by the sale. The caller locked the product rows.
     *
     * @throws StockShortage when an expired line can no longer be held
     */
    public void sell(long cartId, long productId, int quantity, long orderId) {
        Instant now = clock.instant();
        Hold hold = stock.holdFor(cartId, productId).orElse(null);
        if (hold == null || !hold.liveAt(now) || hold.quantity() != quantity) {
            holdForLine(cartId, productId, quantity);
            hold = stock.holdFor(cartId, productId).orElseThrow();
        }
        stock.deleteHold(hold.holdId()).orElseThrow();
        stock.sell(productId, quantity, orderId, now);
    }

    /**
     * Deletes holds that expired (tidying: they already stopped counting). Each product is
     * swept in its own short transaction. Returns how many holds were deleted.
     */
    public int sweepExpired(Transactions tx) {
        Instant now = clock.instant();
        int swept = 0;
        while (true) {
            List<Long> products = stock.productsWithExpiredHolds(now, 100);
            if (products.isEmpty()) return swept;
            int before = swept;
            for (long productId : products) {
                swept += tx.inTransaction(() -> {
                    stock.lockProduct(productId);
                    return sweepLocked(productId, now);
                });
            }
            if (swept == before) return swept; // rows locked by others: leave them for next time
        }
    }

    private void reserveNew(long cartId, long productId, int quantity, Instant now, int alreadyHeld) {
        if (stock.reserveNewHold(productId, cartId, quantity, now, now.plus(holdDuration), kioskId)
                .isPresent()) {
            return;
        }
        reserveNewSlowly(cartId, productId, quantity, now, alreadyHeld);
    }

    private void reserveNewSlowly(long cartId, long productId, int quantity, Instant now, int alreadyHeld) {
        StockCounters counters = lockActive(productId);
        if (counters.free() < quantity) {
            sweepLocked(productId, now);
        }
        if (stock.reserveNewHold(productId, cartId, quantity, now, now.plus(holdDuration), kioskId)
                .isEmpty()) {
            StockCounters after = lockActive(productId);
            throw new StockShortage(productId, after.productName(), quantity, after.free(), alreadyHeld);
        }
    }

    private StockCounters lockActive(long productId) {
        return stock.lockProduct(productId)
                .filter(StockCounters::active)
                .orElseThrow(() -> new NotFoundException("Product", productId));
    }

    /** Caller holds the product lock. */
    private int sweepLocked(long productId, Instant now) {
        List<Hold> expired = stock.deleteExpiredHolds(productId, now);
        for (Hold h : expired) {
            stock.unreserve(productId, h.quantity(), MovementType.EXPIRE, h.cartId(), now);
        }
        return expired.size();
    }

    private void expire(Hold hold, Instant now) {
        if (stock.deleteHold(hold.holdId()).isPresent()) {
            stock.unreserve(hold.productId(), hold.quantity(), MovementType.EXPIRE, hold.cartId(), now);
        }
    }
}
