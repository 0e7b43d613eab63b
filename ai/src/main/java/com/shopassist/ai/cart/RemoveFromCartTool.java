package com.shopassist.ai.cart;

import com.shopassist.ai.tool.Args;
import com.shopassist.ai.tool.ShopServices;
import com.shopassist.ai.tool.ShopTool;
import com.shopassist.ai.tool.ToolJson;
import com.shopassist.ai.tool.ToolResult;
import com.shopassist.ai.tool.ToolResults;
import com.shopassist.ai.tool.ToolSpec;
import com.shopassist.core.cart.Cart;
import com.shopassist.core.cart.CartLine;
import com.shopassist.core.chat.ChatContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** remove_from_cart: without a quantity the whole line goes; with one, that many units. */
public final class RemoveFromCartTool extends ShopTool {

    public static final String NAME = "remove_from_cart";

    public RemoveFromCartTool() {
        super(ToolSpec.of(
                NAME,
                "Remove a product (or some units) from the cart.",
                ToolSpec.params()
                        .addIntegerProperty("product_id")
                        .addIntegerProperty("quantity", "omit to remove the line")
                        .required("product_id")
                        .build()));
    }

    @Override
    protected ToolResult run(ShopServices s, ChatContext ctx, Args a) {
        long productId = a.requiredLong("product_id");
        Integer quantity = a.integer("quantity");
        Cart before = s.carts().cart(ctx.owner());
        CartLine line = before.lines().stream()
                .filter(l -> l.productId() == productId)
                .findFirst()
                .orElse(null);
        if (line == null) {
            return ToolResults.fail(NAME, "NOT_IN_CART", "Product " + productId + " is not in the cart.", before, null);
        }
        Cart after;
        if (quantity == null || quantity >= line.quantity()) after = s.carts().remove(ctx.owner(), productId);
        else if (quantity < 1) return ToolResults.fail(NAME, "VALIDATION", "Quantity must be at least 1.");
        else after = s.carts().setQuantity(ctx.owner(), productId, line.quantity() - quantity);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("removed", Map.of("product_id", productId, "name", line.name()));
        m.put("cart", ToolJson.cart(after));
        return ToolResults.ok(NAME, ToolJson.write(m), List.of(), after, null, line);
    }
}
