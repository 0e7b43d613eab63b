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
import com.shopassist.core.stock.InsufficientStockException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * add_to_cart: adds units (holding stock). Not enough stock comes back with alternatives in the
 * same category at the nearest price, for the model or shopper to offer.
 */
public final class AddToCartTool extends ShopTool {

    public static final String NAME = "add_to_cart";

    public AddToCartTool() {
        super(ToolSpec.of(
                        NAME,
                        "Add a product to the cart.",
                        ToolSpec.params()
                                .addIntegerProperty("product_id")
                                .addIntegerProperty("quantity", "default 1")
                                .required("product_id")
                                .build())
                .offeredEveryTurn());
    }

    @Override
    protected ToolResult run(ShopServices s, ChatContext ctx, Args a) {
        long productId = a.requiredLong("product_id");
        Long q = a.lng("quantity");
        long quantity = q == null ? 1 : q;
        if (quantity < 1 || quantity > 999) {
            return ToolResults.fail(NAME, "VALIDATION", "Quantity must be between 1 and 999.");
        }
        try {
            Cart c = s.carts().add(ctx.owner(), productId, (int) quantity);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("added", Map.of("product_id", productId, "quantity", (int) quantity));
            m.put("cart", ToolJson.cart(c));
            return ToolResults.ok(NAME, ToolJson.write(m), s.catalog().products(List.of(productId)), c, null, null);
        } catch (InsufficientStockException e) {
            String alt = e.alternatives().stream()
                    .map(p -> p.name() + " (id " + p.id() + ", " + p.price().format() + ")")
                    .reduce((x, y) -> x + "; " + y)
                    .orElse("none");
            String msg = e.getMessage() + ". Alternatives: " + alt + ".";
            return new ToolResult(NAME, false, msg, e.alternatives(), null, null, e.code(), e);
        }
    }
}
