package com.shopassist.ai.cart;

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
import java.util.List;
import java.util.Map;

/** clear_cart: proposes emptying the cart; the cart is emptied when the shopper says yes. */
public final class ClearCartTool extends ShopTool implements ProposingTool {

    public static final String NAME = "clear_cart";

    public ClearCartTool() {
        super(ToolSpec.of(NAME, "Propose emptying the cart (shopper confirms).", null));
    }

    @Override
    public ProposedAction.Kind kind() {
        return ProposedAction.Kind.CLEAR_CART;
    }

    @Override
    protected ToolResult run(ShopServices s, ChatContext ctx, Args a) {
        Cart c = s.carts().cart(ctx.owner());
        if (c.isEmpty()) return ToolResults.fail(NAME, "EMPTY_CART", "The cart is already empty.", c, null);
        String summary = Lang.of(ctx.uiLocale())
                .pick(
                        "Clear the cart (" + c.itemCount() + " items, "
                                + c.total().format() + ")?",
                        "Kosongkan keranjang (" + c.itemCount() + " barang, "
                                + c.total().format() + ")?");
        ProposedAction p = s.proposals()
                .propose(
                        ctx,
                        kind(),
                        summary,
                        Map.of(
                                "item_count",
                                String.valueOf(c.itemCount()),
                                "total",
                                String.valueOf(c.total().toLong())));
        return ToolResults.ok(NAME, ToolJson.write(ToolJson.proposal(p)), List.of(), c, p, null);
    }

    @Override
    public ToolResult carryOut(ShopServices s, ChatContext ctx, ProposedAction confirmed) {
        return ToolResults.guard(NAME, () -> {
            Cart c = s.carts().clear(ctx.owner());
            return ToolResults.ok(NAME, ToolJson.write(ToolJson.cart(c)), List.of(), c, null, null);
        });
    }
}
