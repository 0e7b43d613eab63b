package com.shopassist.ai.tools;

import com.shopassist.core.chat.ChatContext;
import com.shopassist.core.chat.ProposedAction;
import java.util.List;

/**
 * The design's 22 tools, as thin adapters over core services, shared by the Gemini assistant
 * (wrapped as LangChain4j tools) and the offline assistant. The customer always comes from
 * {@link ChatContext}, never from arguments. No method throws for bad arguments or business
 * failures: they come back as {@code ok=false} results the model or the shopper can act on.
 * Writes that spend money or cannot be undone (checkout, apply_voucher, clear_cart) do not
 * happen here: they return a {@link ProposedAction}; {@link #execute} carries one out once the
 * shopper has confirmed it.
 */
public interface ShopTools {

    /** Names in the design's order. */
    List<String> NAMES = List.of(
            "search_products",
            "get_product_details",
            "get_categories",
            "get_products_by_category",
            "get_brands",
            "find_product_by_name",
            "check_stock",
            "check_stock_by_name",
            "get_cart",
            "add_to_cart",
            "remove_from_cart",
            "clear_cart",
            "get_vouchers",
            "apply_voucher",
            "remove_voucher",
            "get_addresses",
            "find_address_by_label",
            "checkout",
            "get_orders",
            "get_order_details",
            "compare_products",
            "get_gift_suggestions");

    /** Prices in whole rupiah; any filter may be null; sort: relevance, price_asc, price_desc, newest. */
    ToolResult searchProducts(
            ChatContext ctx,
            String query,
            String category,
            String brand,
            Long minPrice,
            Long maxPrice,
            Boolean inStockOnly,
            String sort,
            Integer limit);

    /**
     * {@link #searchProducts(ChatContext, String, String, String, Long, Long, Boolean, String, Integer)}
     * with the shopper's ask in natural words beside the keywords, for meaning-based ranking
     * ("something to keep coffee hot" ranks bottles, while its keywords match coffee beans).
     * Implementations without semantic search ignore {@code meaning}.
     */
    default ToolResult searchProducts(
            ChatContext ctx,
            String query,
            String meaning,
            String category,
            String brand,
            Long minPrice,
            Long maxPrice,
            Boolean inStockOnly,
            String sort,
            Integer limit) {
        return searchProducts(ctx, query, category, brand, minPrice, maxPrice, inStockOnly, sort, limit);
    }

    ToolResult getProductDetails(ChatContext ctx, long productId);

    ToolResult getCategories(ChatContext ctx);

    /** {@code category}: a name (English or Indonesian, typos tolerated) or an id. */
    ToolResult getProductsByCategory(ChatContext ctx, String category, Integer limit);

    ToolResult getBrands(ChatContext ctx);

    ToolResult findProductByName(ChatContext ctx, String name);

    ToolResult checkStock(ChatContext ctx, long productId);

    ToolResult checkStockByName(ChatContext ctx, String name);

    ToolResult getCart(ChatContext ctx);

    ToolResult addToCart(ChatContext ctx, long productId, int quantity);

    /** {@code quantity} null removes the whole line; otherwise removes that many. */
    ToolResult removeFromCart(ChatContext ctx, long productId, Integer quantity);

    /** Proposes clearing the cart (needs confirmation). */
    ToolResult clearCart(ChatContext ctx);

    ToolResult getVouchers(ChatContext ctx);

    /** Checks the code against the cart now and proposes applying it (needs confirmation). */
    ToolResult applyVoucher(ChatContext ctx, String code);

    ToolResult removeVoucher(ChatContext ctx);

    ToolResult getAddresses(ChatContext ctx);

    ToolResult findAddressByLabel(ChatContext ctx, String label);

    /** Proposes checking out to the address with this label (needs confirmation). Guests are asked to sign in. */
    ToolResult checkout(ChatContext ctx, String addressLabel);

    ToolResult getOrders(ChatContext ctx);

    /** {@code order}: an order number ("SA-20261125-000123") or id. */
    ToolResult getOrderDetails(ChatContext ctx, String order);

    ToolResult compareProducts(ChatContext ctx, List<Long> productIds);

    /** recipient e.g. "dad", "ibu", "teenager"; budget in rupiah (nullable); interests free text (nullable). */
    ToolResult getGiftSuggestions(ChatContext ctx, String recipient, Long budget, String interests);

    /** Carries out a confirmed proposal (and only one made for this context). */
    ToolResult execute(ChatContext ctx, ProposedAction confirmed);
}
