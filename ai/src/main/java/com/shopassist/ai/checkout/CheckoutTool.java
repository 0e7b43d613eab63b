package com.shopassist.ai.checkout;

import static com.shopassist.ai.tool.ToolResults.clip;

import com.shopassist.ai.customer.AddressLabels;
import com.shopassist.ai.lang.Lang;
import com.shopassist.ai.tool.Args;
import com.shopassist.ai.tool.ProposingTool;
import com.shopassist.ai.tool.ShopServices;
import com.shopassist.ai.tool.ShopTool;
import com.shopassist.ai.tool.ToolJson;
import com.shopassist.ai.tool.ToolResult;
import com.shopassist.ai.tool.ToolResults;
import com.shopassist.ai.tool.ToolSpec;
import com.shopassist.core.cart.Cart;
import com.shopassist.core.chat.ChatContext;
import com.shopassist.core.chat.ProposedAction;
import com.shopassist.core.customer.Address;
import com.shopassist.core.order.Order;
import com.shopassist.core.stock.InsufficientStockException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * checkout: proposes placing the order to a saved address (the only one, or the one named), with
 * an idempotency key made now; the order is placed when the shopper says yes, and only for the
 * cart they said yes to: a cart that changed meanwhile is proposed again. Guests are asked to sign in.
 */
public final class CheckoutTool extends ShopTool implements ProposingTool {

    public static final String NAME = "checkout";

    public CheckoutTool() {
        super(ToolSpec.of(
                NAME,
                "Propose placing the order to an address label (shopper confirms).",
                ToolSpec.params().addStringProperty("address_label").build()));
    }

    @Override
    public ProposedAction.Kind kind() {
        return ProposedAction.Kind.CHECKOUT;
    }

    @Override
    protected ToolResult run(ShopServices s, ChatContext ctx, Args a) {
        return propose(s, ctx, a.str("address_label"));
    }

    private ToolResult propose(ShopServices s, ChatContext ctx, String addressLabel) {
        if (ctx.isGuest()) return ToolResults.signIn(NAME);
        Cart cart = s.carts().cart(ctx.owner());
        if (cart.isEmpty()) {
            return ToolResults.fail(
                    NAME, "EMPTY_CART", "The cart is empty: add products before checking out.", cart, null);
        }
        List<Address> all = s.customers().addresses(ctx.customerId());
        Address address;
        if (addressLabel == null) {
            if (all.size() != 1) {
                String msg = all.isEmpty()
                        ? "No saved address: add one before checking out."
                        : "Which address? Saved labels: " + AddressLabels.list(all) + ".";
                return ToolResults.fail(NAME, all.isEmpty() ? "NO_ADDRESS" : "ADDRESS_REQUIRED", msg, cart, all);
            }
            address = all.get(0);
        } else {
            Optional<Address> found = AddressLabels.resolve(s.customers(), ctx.customerId(), addressLabel);
            if (found.isEmpty()) {
                return ToolResults.fail(
                        NAME,
                        "ADDRESS_NOT_FOUND",
                        "No address labelled \"" + clip(addressLabel, 50) + "\". Saved labels: "
                                + AddressLabels.list(all) + ".",
                        cart,
                        all);
            }
            address = found.get();
        }
        String summary = Lang.of(ctx.uiLocale())
                .pick(
                        "Checkout " + cart.itemCount() + " items, "
                                + cart.total().format() + ", to " + address.label() + "?",
                        "Checkout " + cart.itemCount() + " barang, "
                                + cart.total().format() + ", kirim ke " + address.label() + "?");
        Map<String, String> params = new LinkedHashMap<>();
        params.put("address_id", String.valueOf(address.id()));
        params.put("address_label", address.label());
        params.put("idempotency_key", s.checkout().newIdempotencyKey());
        params.put("item_count", String.valueOf(cart.itemCount()));
        params.put("total", String.valueOf(cart.total().toLong()));
        ProposedAction p = s.proposals().propose(ctx, kind(), summary, params);
        Map<String, Object> m = ToolJson.proposal(p);
        m.put("address", ToolJson.address(address));
        m.put("cart", ToolJson.cart(cart));
        return ToolResults.ok(NAME, ToolJson.write(m), List.of(), cart, p, address);
    }

    @Override
    public ToolResult carryOut(ShopServices s, ChatContext ctx, ProposedAction a) {
        return ToolResults.guard(NAME, () -> {
            if (ctx.isGuest()) return ToolResults.signIn(NAME);
            Cart now = s.carts().cart(ctx.owner());
            if (now.isEmpty()
                    || !String.valueOf(now.itemCount()).equals(a.params().get("item_count"))
                    || !String.valueOf(now.total().toLong()).equals(a.params().get("total"))) {
                // the cart changed since the shopper said yes to it: ask again with what it is now
                ToolResult again = propose(s, ctx, a.params().get("address_label"));
                return new ToolResult(
                        NAME,
                        false,
                        "The cart changed since the checkout was proposed; confirm again.",
                        List.of(),
                        again.cart(),
                        again.proposal(),
                        "CART_CHANGED",
                        null);
            }
            try {
                Order order = s.checkout()
                        .checkout(
                                ctx.customerId(),
                                Long.parseLong(a.params().get("address_id")),
                                a.params().get("idempotency_key"));
                Cart after = s.carts().cart(ctx.owner());
                return ToolResults.ok(NAME, ToolJson.write(ToolJson.order(order, true)), List.of(), after, null, order);
            } catch (InsufficientStockException e) {
                return new ToolResult(
                        NAME,
                        false,
                        e.getMessage() + ". Remove it or lower the quantity, then check out again.",
                        e.alternatives(),
                        s.carts().cart(ctx.owner()),
                        null,
                        e.code(),
                        e);
            }
        });
    }
}
