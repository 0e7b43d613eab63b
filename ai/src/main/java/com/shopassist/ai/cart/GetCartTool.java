package com.shopassist.ai.cart;

import com.shopassist.ai.tool.Args;
import com.shopassist.ai.tool.ShopServices;
import com.shopassist.ai.tool.ShopTool;
import com.shopassist.ai.tool.ToolJson;
import com.shopassist.ai.tool.ToolResult;
import com.shopassist.ai.tool.ToolResults;
import com.shopassist.ai.tool.ToolSpec;
import com.shopassist.core.cart.Cart;
import com.shopassist.core.chat.ChatContext;
import java.util.List;

/** get_cart: the cart of the session's owner (a customer, or this kiosk's guest). */
public final class GetCartTool extends ShopTool {

    public static final String NAME = "get_cart";

    public GetCartTool() {
        super(ToolSpec.of(NAME, "The shopper's cart.", null).offeredEveryTurn());
    }

    @Override
    protected ToolResult run(ShopServices s, ChatContext ctx, Args a) {
        Cart c = s.carts().cart(ctx.owner());
        return ToolResults.ok(NAME, ToolJson.write(ToolJson.cart(c)), List.of(), c, null, null);
    }
}
