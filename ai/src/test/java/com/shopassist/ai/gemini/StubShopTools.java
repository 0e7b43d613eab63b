package com.shopassist.ai.gemini;

import com.shopassist.ai.tools.ShopTools;
import com.shopassist.ai.tools.ToolResult;
import com.shopassist.core.cart.Cart;
import com.shopassist.core.cart.CartLine;
import com.shopassist.core.cart.CartOwner;
import com.shopassist.core.catalog.Product;
import com.shopassist.core.chat.ChatContext;
import com.shopassist.core.chat.ProposedAction;
import com.shopassist.core.money.Money;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A small in-memory ShopTools for tests of the chain's mechanics only (fallbacks, routing,
 * memory, budgets, streaming). The end-to-end purchase runs against the real core services.
 * It records every call with the ChatContext it got.
 */
final class StubShopTools implements ShopTools {

    record CallLog(String tool, ChatContext ctx, String args) {}

    final List<CallLog> calls = new CopyOnWriteArrayList<>();
    final Map<Long, Product> products = new LinkedHashMap<>();
    final Map<CartOwner, Map<Long, Integer>> carts = new ConcurrentHashMap<>();
    final List<ProposedAction> executed = new CopyOnWriteArrayList<>();
    volatile boolean cartChangedOnce;

    StubShopTools() {
        add(1, "Sony WH-1000XM5 Wireless Headphones", "Sony", 4_999_000, 7);
        add(2, "JBL Tune 520BT Headphones", "JBL", 699_000, 3);
        add(3, "Xiaomi Redmi Buds 5", "Xiaomi", 349_000, 0);
        add(4, "Anker Soundcore Q20i Headphones", "Anker", 899_000, 25);
    }

    private void add(long id, String name, String brand, long price, int available) {
        products.put(
                id,
                new Product(
                        id,
                        10,
                        "Audio",
                        "SKU-" + id,
                        null,
                        name,
                        brand,
                        Money.of(price),
                        "Electronics",
                        name + " description",
                        null,
                        available,
                        available,
                        5,
                        Instant.EPOCH));
    }

    private void log(String tool, ChatContext ctx, Object... args) {
        calls.add(new CallLog(tool, ctx, java.util.Arrays.toString(args)));
    }

    List<String> toolNames() {
        return calls.stream().map(CallLog::tool).toList();
    }

    static String json(Product p) {
        return "{\"id\":" + p.id() + ",\"name\":\"" + p.name() + "\",\"price\":"
                + p.price().toLong() + ",\"stock\":" + p.available() + "}";
    }

    private ToolResult ok(String tool, List<Product> ps, Cart cart) {
        StringBuilder sb = new StringBuilder("{\"products\":[");
        for (int i = 0; i < ps.size(); i++) sb.append(i > 0 ? "," : "").append(json(ps.get(i)));
        sb.append("]}");
        return new ToolResult(tool, true, sb.toString(), ps, cart, null, null);
    }

    Cart cart(CartOwner owner) {
        Map<Long, Integer> lines = carts.getOrDefault(owner, Map.of());
        List<CartLine> out = new ArrayList<>();
        Money subtotal = Money.ZERO;
        for (var e : lines.entrySet()) {
            Product p = products.get(e.getKey());
            Money total = p.price().times(e.getValue());
            subtotal = subtotal.plus(total);
            out.add(new CartLine(
                    p.id(), p.name(), p.brand(), p.price(), e.getValue(), total, Money.ZERO, p.available(), null));
        }
        return new Cart(1, owner, out, subtotal, null, Money.ZERO, subtotal, null, null);
    }

    @Override
    public ToolResult searchProducts(
            ChatContext ctx,
            String query,
            String category,
            String brand,
            Long minPrice,
            Long maxPrice,
            Boolean inStockOnly,
            String sort,
            Integer limit) {
        log("search_products", ctx, query, maxPrice);
        String q = query == null ? "" : query.toLowerCase(Locale.ROOT);
        List<Product> hits = products.values().stream()
                .filter(p -> q.isEmpty()
                        || q.split(" ").length > 0
                                && java.util.Arrays.stream(q.split(" "))
                                        .anyMatch(w -> p.name()
                                                .toLowerCase(Locale.ROOT)
                                                .contains(w)))
                .filter(p -> maxPrice == null || p.price().toLong() <= maxPrice)
                .limit(limit == null ? 5 : limit)
                .toList();
        return ok("search_products", hits, null);
    }

    @Override
    public ToolResult getProductDetails(ChatContext ctx, long productId) {
        log("get_product_details", ctx, productId);
        Product p = products.get(productId);
        if (p == null)
            return new ToolResult(
                    "get_product_details",
                    false,
                    "Product " + productId + " does not exist.",
                    List.of(),
                    null,
                    null,
                    "NOT_FOUND");
        return ok("get_product_details", List.of(p), null);
    }

    @Override
    public ToolResult getCategories(ChatContext ctx) {
        log("get_categories", ctx);
        return new ToolResult("get_categories", true, "{\"categories\":[\"Audio\"]}", List.of(), null, null, null);
    }

    @Override
    public ToolResult getProductsByCategory(ChatContext ctx, String category, Integer limit) {
        log("get_products_by_category", ctx, category);
        return ok("get_products_by_category", List.copyOf(products.values()), null);
    }

    @Override
    public ToolResult getBrands(ChatContext ctx) {
        log("get_brands", ctx);
        return new ToolResult("get_brands", true, "{\"brands\":[\"Sony\",\"JBL\"]}", List.of(), null, null, null);
    }

    @Override
    public ToolResult findProductByName(ChatContext ctx, String name) {
        log("find_product_by_name", ctx, name);
        return searchProducts(ctx, name, null, null, null, null, null, null, 3);
    }

    @Override
    public ToolResult checkStock(ChatContext ctx, long productId) {
        log("check_stock", ctx, productId);
        return getProductDetails(ctx, productId);
    }

    @Override
    public ToolResult checkStockByName(ChatContext ctx, String name) {
        log("check_stock_by_name", ctx, name);
        return searchProducts(ctx, name, null, null, null, null, null, null, 3);
    }

    @Override
    public ToolResult getCart(ChatContext ctx) {
        log("get_cart", ctx);
        Cart c = cart(ctx.owner());
        return new ToolResult(
                "get_cart",
                true,
                "{\"items\":" + c.itemCount() + ",\"total\":" + c.total().toLong() + "}",
                List.of(),
                c,
                null,
                null);
    }

    @Override
    public ToolResult addToCart(ChatContext ctx, long productId, int quantity) {
        log("add_to_cart", ctx, productId, quantity);
        Product p = products.get(productId);
        if (p == null)
            return new ToolResult(
                    "add_to_cart",
                    false,
                    "Product " + productId + " does not exist.",
                    List.of(),
                    null,
                    null,
                    "NOT_FOUND");
        if (p.available() < quantity) {
            return new ToolResult(
                    "add_to_cart",
                    false,
                    "Only " + p.available() + " left of " + p.name() + ". Alternatives: " + json(products.get(4L)),
                    List.of(products.get(4L)),
                    null,
                    null,
                    "INSUFFICIENT_STOCK");
        }
        carts.computeIfAbsent(ctx.owner(), o -> Collections.synchronizedMap(new LinkedHashMap<>()))
                .merge(productId, quantity, Integer::sum);
        Cart c = cart(ctx.owner());
        return new ToolResult(
                "add_to_cart",
                true,
                "{\"added\":" + productId + ",\"total\":" + c.total().toLong() + "}",
                List.of(p),
                c,
                null,
                null);
    }

    @Override
    public ToolResult removeFromCart(ChatContext ctx, long productId, Integer quantity) {
        log("remove_from_cart", ctx, productId, quantity);
        carts.getOrDefault(ctx.owner(), new LinkedHashMap<>()).remove(productId);
        Cart c = cart(ctx.owner());
        return new ToolResult(
                "remove_from_cart", true, "{\"total\":" + c.total().toLong() + "}", List.of(), c, null, null);
    }

    @Override
    public ToolResult clearCart(ChatContext ctx) {
        log("clear_cart", ctx);
        ProposedAction a = new ProposedAction(
                UUID.randomUUID().toString(), ProposedAction.Kind.CLEAR_CART, "Empty your cart?", Map.of());
        return new ToolResult("clear_cart", true, "{\"proposed\":\"clear_cart\"}", List.of(), null, a, null);
    }

    @Override
    public ToolResult getVouchers(ChatContext ctx) {
        log("get_vouchers", ctx);
        return new ToolResult("get_vouchers", true, "{\"vouchers\":[\"HEMAT10\"]}", List.of(), null, null, null);
    }

    @Override
    public ToolResult applyVoucher(ChatContext ctx, String code) {
        log("apply_voucher", ctx, code);
        if (!"HEMAT10".equalsIgnoreCase(code)) {
            return new ToolResult(
                    "apply_voucher",
                    false,
                    "Voucher " + code + " does not exist.",
                    List.of(),
                    null,
                    null,
                    "UNKNOWN_CODE");
        }
        ProposedAction a = new ProposedAction(
                UUID.randomUUID().toString(),
                ProposedAction.Kind.APPLY_VOUCHER,
                "Apply voucher HEMAT10 (10% off)?",
                Map.of("code", "HEMAT10"));
        return new ToolResult("apply_voucher", true, "{\"proposed\":\"HEMAT10\"}", List.of(), null, a, null);
    }

    @Override
    public ToolResult removeVoucher(ChatContext ctx) {
        log("remove_voucher", ctx);
        return new ToolResult("remove_voucher", true, "{}", List.of(), cart(ctx.owner()), null, null);
    }

    @Override
    public ToolResult getAddresses(ChatContext ctx) {
        log("get_addresses", ctx);
        return new ToolResult(
                "get_addresses",
                true,
                ctx.isGuest() ? "Sign in to see addresses." : "{\"addresses\":[\"Rumah\"]}",
                List.of(),
                null,
                null,
                null);
    }

    @Override
    public ToolResult findAddressByLabel(ChatContext ctx, String label) {
        log("find_address_by_label", ctx, label);
        return new ToolResult("find_address_by_label", true, "{\"label\":\"Rumah\"}", List.of(), null, null, null);
    }

    @Override
    public ToolResult checkout(ChatContext ctx, String addressLabel) {
        log("checkout", ctx, addressLabel);
        Cart c = cart(ctx.owner());
        ProposedAction a = new ProposedAction(
                UUID.randomUUID().toString(),
                ProposedAction.Kind.CHECKOUT,
                "Checkout " + c.itemCount() + " items, " + c.total().format() + ", to Rumah?",
                Map.of("address", "Rumah"));
        return new ToolResult("checkout", true, "{\"proposed\":\"checkout\"}", List.of(), c, a, null);
    }

    @Override
    public ToolResult getOrders(ChatContext ctx) {
        log("get_orders", ctx);
        return new ToolResult("get_orders", true, "{\"orders\":[]}", List.of(), null, null, null);
    }

    @Override
    public ToolResult getOrderDetails(ChatContext ctx, String order) {
        log("get_order_details", ctx, order);
        return new ToolResult(
                "get_order_details", false, "Order " + order + " was not found.", List.of(), null, null, "NOT_FOUND");
    }

    @Override
    public ToolResult compareProducts(ChatContext ctx, List<Long> productIds) {
        log("compare_products", ctx, productIds);
        return ok(
                "compare_products",
                productIds.stream()
                        .map(products::get)
                        .filter(java.util.Objects::nonNull)
                        .toList(),
                null);
    }

    @Override
    public ToolResult getGiftSuggestions(ChatContext ctx, String recipient, Long budget, String interests) {
        log("get_gift_suggestions", ctx, recipient, budget);
        return ok("get_gift_suggestions", List.of(products.get(2L), products.get(4L)), null);
    }

    @Override
    public ToolResult execute(ChatContext ctx, ProposedAction confirmed) {
        log("execute", ctx, confirmed.kind());
        if (cartChangedOnce && confirmed.kind() == ProposedAction.Kind.CHECKOUT) {
            cartChangedOnce = false;
            ProposedAction again = new ProposedAction(
                    UUID.randomUUID().toString(),
                    ProposedAction.Kind.CHECKOUT,
                    "Checkout 2 items, Rp 1.398.000, to Rumah?",
                    Map.of("address", "Rumah"));
            return new ToolResult(
                    "checkout",
                    false,
                    "The cart changed since the checkout was proposed; confirm again.",
                    List.of(),
                    cart(ctx.owner()),
                    again,
                    "CART_CHANGED");
        }
        executed.add(confirmed);
        if (confirmed.kind() == ProposedAction.Kind.CLEAR_CART) carts.remove(ctx.owner());
        if (confirmed.kind() == ProposedAction.Kind.CHECKOUT) {
            carts.remove(ctx.owner());
            return new ToolResult(
                    "checkout", true, "{\"order\":\"SA-20261125-000042\"}", List.of(), cart(ctx.owner()), null, null);
        }
        return new ToolResult(
                confirmed.kind().name().toLowerCase(Locale.ROOT), true, "{}", List.of(), cart(ctx.owner()), null, null);
    }
}
