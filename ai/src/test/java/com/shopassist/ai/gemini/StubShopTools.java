package com.shopassist.ai.gemini;

import com.shopassist.ai.registry.ToolRegistry;
import com.shopassist.ai.tool.Args;
import com.shopassist.ai.tool.ProposalStore;
import com.shopassist.ai.tool.Route;
import com.shopassist.ai.tool.SessionProposals;
import com.shopassist.ai.tool.ToolBox;
import com.shopassist.ai.tool.ToolResult;
import com.shopassist.ai.tool.ToolSpec;
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
 * A small in-memory tool layer for tests of the chain's mechanics only (fallbacks, routing,
 * memory, budgets, streaming): the real declarations and routes, stub handlers. The end-to-end
 * purchase runs against the real core services. It records every call with the ChatContext it got.
 */
final class StubShopTools implements ToolBox {

    record CallLog(String tool, ChatContext ctx, String args) {}

    final List<CallLog> calls = new CopyOnWriteArrayList<>();
    final Map<Long, Product> products = new LinkedHashMap<>();
    final Map<CartOwner, Map<Long, Integer>> carts = new ConcurrentHashMap<>();
    final List<ProposedAction> executed = new CopyOnWriteArrayList<>();
    volatile boolean cartChangedOnce;
    final ProposalStore proposals = new SessionProposals(java.time.Clock.systemUTC());

    @Override
    public List<ToolSpec> specs() {
        return ToolRegistry.SPECS;
    }

    @Override
    public List<Route> routes() {
        return ToolRegistry.ROUTES;
    }

    @Override
    public ProposalStore proposals() {
        return proposals;
    }

    @Override
    public ToolResult call(ChatContext ctx, String name, Args a) {
        try {
            return switch (name) {
                case "search_products" -> searchProducts(ctx, a.str("query"), a.lng("max_price"), a.integer("limit"));
                case "get_product_details" -> getProductDetails(ctx, a.requiredLong("product_id"));
                case "get_categories" -> getCategories(ctx);
                case "get_products_by_category" -> getProductsByCategory(ctx, a.requiredStr("category"));
                case "get_brands" -> getBrands(ctx);
                case "find_product_by_name" -> findProductByName(ctx, a.requiredStr("name"));
                case "check_stock" -> checkStock(ctx, a.requiredLong("product_id"));
                case "check_stock_by_name" -> checkStockByName(ctx, a.requiredStr("name"));
                case "get_cart" -> getCart(ctx);
                case "add_to_cart" -> {
                    Long q = a.lng("quantity");
                    yield addToCart(ctx, a.requiredLong("product_id"), q == null ? 1 : q.intValue());
                }
                case "remove_from_cart" -> removeFromCart(ctx, a.requiredLong("product_id"), a.integer("quantity"));
                case "clear_cart" -> clearCart(ctx);
                case "get_vouchers" -> getVouchers(ctx);
                case "apply_voucher" -> applyVoucher(ctx, a.requiredStr("code"));
                case "remove_voucher" -> removeVoucher(ctx);
                case "get_addresses" -> getAddresses(ctx);
                case "find_address_by_label" -> findAddressByLabel(ctx, a.requiredStr("label"));
                case "checkout" -> checkout(ctx, a.str("address_label"));
                case "get_orders" -> getOrders(ctx);
                case "get_order_details" -> getOrderDetails(ctx, a.requiredStr("order"));
                case "compare_products" -> compareProducts(ctx, a.ids("product_ids"));
                case "get_gift_suggestions" ->
                    getGiftSuggestions(ctx, a.str("recipient"), a.lng("budget"), a.str("interests"));
                default ->
                    new ToolResult(name, false, "Unknown tool " + name + ".", List.of(), null, null, "BAD_ARGUMENTS");
            };
        } catch (Args.BadArgument e) {
            return new ToolResult(name, false, e.getMessage(), List.of(), null, null, "BAD_ARGUMENTS");
        }
    }

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

    ToolResult searchProducts(ChatContext ctx, String query, Long maxPrice, Integer limit) {
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

    ToolResult getProductDetails(ChatContext ctx, long productId) {
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

    ToolResult getCategories(ChatContext ctx) {
        log("get_categories", ctx);
        return new ToolResult("get_categories", true, "{\"categories\":[\"Audio\"]}", List.of(), null, null, null);
    }

    ToolResult getProductsByCategory(ChatContext ctx, String category) {
        log("get_products_by_category", ctx, category);
        return ok("get_products_by_category", List.copyOf(products.values()), null);
    }

    ToolResult getBrands(ChatContext ctx) {
        log("get_brands", ctx);
        return new ToolResult("get_brands", true, "{\"brands\":[\"Sony\",\"JBL\"]}", List.of(), null, null, null);
    }

    ToolResult findProductByName(ChatContext ctx, String name) {
        log("find_product_by_name", ctx, name);
        return searchProducts(ctx, name, null, 3);
    }

    ToolResult checkStock(ChatContext ctx, long productId) {
        log("check_stock", ctx, productId);
        return getProductDetails(ctx, productId);
    }

    ToolResult checkStockByName(ChatContext ctx, String name) {
        log("check_stock_by_name", ctx, name);
        return searchProducts(ctx, name, null, 3);
    }

    ToolResult getCart(ChatContext ctx) {
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

    ToolResult addToCart(ChatContext ctx, long productId, int quantity) {
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

    ToolResult removeFromCart(ChatContext ctx, long productId, Integer quantity) {
        log("remove_from_cart", ctx, productId, quantity);
        carts.getOrDefault(ctx.owner(), new LinkedHashMap<>()).remove(productId);
        Cart c = cart(ctx.owner());
        return new ToolResult(
                "remove_from_cart", true, "{\"total\":" + c.total().toLong() + "}", List.of(), c, null, null);
    }

    ToolResult clearCart(ChatContext ctx) {
        log("clear_cart", ctx);
        ProposedAction a = new ProposedAction(
                UUID.randomUUID().toString(), ProposedAction.Kind.CLEAR_CART, "Empty your cart?", Map.of());
        return new ToolResult("clear_cart", true, "{\"proposed\":\"clear_cart\"}", List.of(), null, a, null);
    }

    ToolResult getVouchers(ChatContext ctx) {
        log("get_vouchers", ctx);
        return new ToolResult("get_vouchers", true, "{\"vouchers\":[\"HEMAT10\"]}", List.of(), null, null, null);
    }

    ToolResult applyVoucher(ChatContext ctx, String code) {
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

    ToolResult removeVoucher(ChatContext ctx) {
        log("remove_voucher", ctx);
        return new ToolResult("remove_voucher", true, "{}", List.of(), cart(ctx.owner()), null, null);
    }

    ToolResult getAddresses(ChatContext ctx) {
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

    ToolResult findAddressByLabel(ChatContext ctx, String label) {
        log("find_address_by_label", ctx, label);
        return new ToolResult("find_address_by_label", true, "{\"label\":\"Rumah\"}", List.of(), null, null, null);
    }

    ToolResult checkout(ChatContext ctx, String addressLabel) {
        log("checkout", ctx, addressLabel);
        Cart c = cart(ctx.owner());
        ProposedAction a = new ProposedAction(
                UUID.randomUUID().toString(),
                ProposedAction.Kind.CHECKOUT,
                "Checkout " + c.itemCount() + " items, " + c.total().format() + ", to Rumah?",
                Map.of("address", "Rumah"));
        return new ToolResult("checkout", true, "{\"proposed\":\"checkout\"}", List.of(), c, a, null);
    }

    ToolResult getOrders(ChatContext ctx) {
        log("get_orders", ctx);
        return new ToolResult("get_orders", true, "{\"orders\":[]}", List.of(), null, null, null);
    }

    ToolResult getOrderDetails(ChatContext ctx, String order) {
        log("get_order_details", ctx, order);
        return new ToolResult(
                "get_order_details", false, "Order " + order + " was not found.", List.of(), null, null, "NOT_FOUND");
    }

    ToolResult compareProducts(ChatContext ctx, List<Long> productIds) {
        log("compare_products", ctx, productIds);
        return ok(
                "compare_products",
                productIds.stream()
                        .map(products::get)
                        .filter(java.util.Objects::nonNull)
                        .toList(),
                null);
    }

    ToolResult getGiftSuggestions(ChatContext ctx, String recipient, Long budget, String interests) {
        log("get_gift_suggestions", ctx, recipient, budget);
        return ok("get_gift_suggestions", List.of(products.get(2L), products.get(4L)), null);
    }

    @Override
    public ToolResult carryOut(ChatContext ctx, ProposedAction confirmed) {
        log("execute", ctx, confirmed == null ? null : confirmed.kind());
        if (confirmed == null || proposals.take(ctx, confirmed).isEmpty()) {
            return new ToolResult("execute", false, "Nothing to confirm.", List.of(), null, null, "NO_PROPOSAL");
        }
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
