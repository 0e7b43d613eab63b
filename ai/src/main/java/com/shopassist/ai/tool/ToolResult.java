package com.shopassist.ai.tool;

import com.shopassist.core.cart.Cart;
import com.shopassist.core.catalog.Product;
import com.shopassist.core.chat.ProposedAction;
import java.util.List;

/**
 * What one tool call returns, for both assistants.
 *
 * @param tool the tool's name as in the design's table ("search_products")
 * @param ok false when the call failed in a way the model or shopper should hear about
 * @param forModel compact JSON (only the fields needed) handed to Gemini as the function response;
 *     on failure a sentence the model can act on ("Only 2 left; alternatives: ...")
 * @param products products this call returned (cards, and the validator's ground truth)
 * @param cart the cart after the call, when the call read or changed it
 * @param proposal a write awaiting the shopper's confirmation (checkout, apply voucher, clear cart)
 * @param errorCode stable code on failure (ShopException.code()), else null
 * @param data a typed payload beside the JSON (categories, brands, addresses, orders, voucher
 *     options, stock levels, a placed order), or null
 */
public record ToolResult(
        String tool,
        boolean ok,
        String forModel,
        List<Product> products,
        Cart cart,
        ProposedAction proposal,
        String errorCode,
        Object data) {

    public ToolResult {
        products = products == null ? List.of() : List.copyOf(products);
    }

    /** Without a typed payload (the original shape). */
    public ToolResult(
            String tool,
            boolean ok,
            String forModel,
            List<Product> products,
            Cart cart,
            ProposedAction proposal,
            String errorCode) {
        this(tool, ok, forModel, products, cart, proposal, errorCode, null);
    }

    /**
     * The typed payload as a list of {@code type}: categories, brands, addresses, orders, voucher
     * options or stock levels, for assistants that render without a model. Empty when absent.
     */
    public <T> List<T> dataList(Class<T> type) {
        if (data instanceof List<?> list) {
            return list.stream().filter(type::isInstance).map(type::cast).toList();
        }
        if (type.isInstance(data)) return List.of(type.cast(data));
        return List.of();
    }
}
