package com.shopassist.core.outbox;

import com.shopassist.core.cart.Cart;
import com.shopassist.core.cart.CartLine;
import com.shopassist.core.cart.CartOwner;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The cart an owner had when their first change was queued: the last one this kiosk read from
 * the store's database (empty if it never read one). What the shopper sees offline is this cart
 * with the queued changes applied.
 *
 * @param cartId the store's cart id, 0 when it had none
 */
public record LastKnownCart(CartOwner owner, long cartId, List<Line> lines, String voucherCode, Instant asOf) {

    /** A line: product and quantity. Prices and names come from the replica when it is shown. */
    public record Line(long productId, int quantity) {}

    public LastKnownCart {
        Objects.requireNonNull(owner, "owner");
        lines = List.copyOf(lines);
    }

    public static LastKnownCart empty(CartOwner owner, Instant now) {
        return new LastKnownCart(owner, 0, List.of(), null, now);
    }

    /** The lines that buy something (a line kept at 0 is a notice, not a line to replay). */
    public static LastKnownCart of(Cart cart, Instant now) {
        List<Line> lines = new ArrayList<>();
        for (CartLine l : cart.lines()) {
            if (l.quantity() > 0) lines.add(new Line(l.productId(), l.quantity()));
        }
        return new LastKnownCart(cart.owner(), cart.cartId(), lines, cart.voucherCode(), now);
    }
}
