package com.shopassist.core.outbox;

import com.shopassist.core.cart.Cart;
import com.shopassist.core.cart.CartOwner;
import com.shopassist.core.checkout.CheckoutService;
import com.shopassist.core.common.DataUnavailableException;
import com.shopassist.core.common.ValidationException;
import com.shopassist.core.order.Order;
import com.shopassist.core.replica.StoreStatus;
import java.time.Clock;
import java.util.Objects;

/**
 * Checkout on a kiosk that may lose the store's database (decision 0097). While it answers and
 * the customer has nothing waiting in the outbox, the store's checkout runs. Otherwise, by
 * {@code offline.checkout}: {@link OfflineCheckout#REFUSE} says the cart is kept and a clerk can
 * help ({@link OfflineCheckoutRefusedException}); {@link OfflineCheckout#QUEUE} queues the order
 * request with its idempotency key and gives the shopper a reference "to be confirmed"
 * ({@link CheckoutQueuedException}). The replay turns it into one order, never two (the key), or
 * into a rejection a clerk sees.
 */
public final class OutboxCheckoutService implements CheckoutService {

    private final CheckoutService store;
    private final OutboxCartService carts;
    private final Outbox outbox;
    private final StoreStatus status;
    private final OfflineCheckout mode;
    private final Clock clock;

    public OutboxCheckoutService(
            CheckoutService store,
            OutboxCartService carts,
            Outbox outbox,
            StoreStatus status,
            OfflineCheckout mode,
            Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.carts = Objects.requireNonNull(carts, "carts");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.status = Objects.requireNonNull(status, "status");
        this.mode = Objects.requireNonNull(mode, "mode");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Order checkout(long customerId, long addressId, String idempotencyKey) {
        CartOwner owner = CartOwner.customer(customerId);
        if (status.source() == StoreStatus.Source.LOCAL || outbox.hasPending(owner)) {
            return offline(owner, addressId, idempotencyKey);
        }
        try {
            return store.checkout(customerId, addressId, idempotencyKey);
        } catch (DataUnavailableException e) {
            // committed or not, the key makes the queued request the same order
            return offline(owner, addressId, idempotencyKey);
        }
    }

    private Order offline(CartOwner owner, long addressId, String key) {
        if (mode == OfflineCheckout.REFUSE) throw new OfflineCheckoutRefusedException();
        if (key == null || key.length() < 8 || key.length() > 200) {
            throw new ValidationException("idempotencyKey", "A checkout key of 8 to 200 characters is required");
        }
        Cart cart = carts.offline(owner);
        if (cart.isEmpty()) throw new ValidationException("cart", "cart.empty", "Your cart is empty");
        CartChange request = CartChange.checkout(owner, addressId, key, cart.total(), clock.instant());
        carts.queue(request);
        throw new CheckoutQueuedException(request.reference(), cart.total());
    }

    @Override
    public String newIdempotencyKey() {
        return store.newIdempotencyKey();
    }
}
