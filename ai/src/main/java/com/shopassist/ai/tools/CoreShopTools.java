package com.shopassist.ai.tools;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.shopassist.core.cart.Cart;
import com.shopassist.core.cart.CartLine;
import com.shopassist.core.cart.CartService;
import com.shopassist.core.catalog.Brand;
import com.shopassist.core.catalog.CatalogService;
import com.shopassist.core.catalog.Category;
import com.shopassist.core.catalog.DefaultSearchService;
import com.shopassist.core.catalog.Product;
import com.shopassist.core.catalog.ProductQuery;
import com.shopassist.core.catalog.ProductSort;
import com.shopassist.core.catalog.SearchService;
import com.shopassist.core.chat.ChatContext;
import com.shopassist.core.chat.ProposedAction;
import com.shopassist.core.checkout.CheckoutService;
import com.shopassist.core.common.Page;
import com.shopassist.core.common.ShopException;
import com.shopassist.core.customer.Address;
import com.shopassist.core.customer.CustomerService;
import com.shopassist.core.gift.DefaultGiftService;
import com.shopassist.core.gift.GiftService;
import com.shopassist.core.money.Money;
import com.shopassist.core.order.Order;
import com.shopassist.core.order.OrderLine;
import com.shopassist.core.order.OrderNumbers;
import com.shopassist.core.order.OrderService;
import com.shopassist.core.stock.InsufficientStockException;
import com.shopassist.core.stock.StockLevel;
import com.shopassist.core.stock.StockService;
import com.shopassist.core.voucher.Voucher;
import com.shopassist.core.voucher.VoucherNotApplicableException;
import com.shopassist.core.voucher.VoucherRejection;
import com.shopassist.core.voucher.VoucherService;
import com.shopassist.core.voucher.VoucherService.VoucherOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shared tool layer over the core services. The customer and the cart come from
 * {@link ChatContext} only. Nothing here throws: business failures and outages come back as
 * {@code ok=false} results with a sentence the model or shopper can act on. Checkout, applying a
 * voucher and clearing the cart are proposed (with an idempotency key made at proposal time for
 * checkout) and carried out by {@link #execute} only for a proposal this instance made for the
 * same cart owner, unchanged.
 */
public final class CoreShopTools implements ShopTools {

    private static final Logger LOG = LoggerFactory.getLogger(CoreShopTools.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_PROPOSALS = 10_000;
    private static final Duration PROPOSAL_TTL = Duration.ofMinutes(30);

    private static final int MAX_QUERY_WORDS = 8;

    private final CatalogService catalog;
    private final SearchService search;
    private final GiftService gifts;
    private final StockService stock;
    private final CartService carts;
    private final VoucherService vouchers;
    private final CheckoutService checkout;
    private final OrderService orders;
    private final CustomerService customers;
    private final Clock clock;

    private final Map<String, Pending> proposals = new LinkedHashMap<>(64, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Pending> eldest) {
            return size() > MAX_PROPOSALS;
        }
    };

    private record Pending(String ownerKey, ProposedAction action, Instant createdAt) {}

    public CoreShopTools(
            CatalogService catalog,
            StockService stock,
            CartService carts,
            VoucherService vouchers,
            CheckoutService checkout,
            OrderService orders,
            CustomerService customers) {
        this(
                catalog,
                new DefaultSearchService(catalog, null),
                null,
                stock,
                carts,
                vouchers,
                checkout,
                orders,
                customers,
                Clock.systemUTC());
    }

    public CoreShopTools(
            CatalogService catalog,
            SearchService search,
            GiftService giftsOrNull,
            StockService stock,
            CartService carts,
            VoucherService vouchers,
            CheckoutService checkout,
            OrderService orders,
            CustomerService customers,
            Clock clock) {
        this.catalog = Objects.requireNonNull(catalog);
        this.search = Objects.requireNonNull(search);
        this.gifts = giftsOrNull != null ? giftsOrNull : new DefaultGiftService(catalog, search);
        this.stock = Objects.requireNonNull(stock);
        this.carts = Objects.requireNonNull(carts);
        this.vouchers = Objects.requireNonNull(vouchers);
        this.checkout = Objects.requireNonNull(checkout);
        this.orders = Objects.requireNonNull(orders);
        this.customers = Objects.requireNonNull(customers);
        this.clock = clock == null ? Clock.systemUTC() : clock;
    }

    public CatalogService catalog() {
        return catalog;
    }

    // ------------------------------------------------------------------ catalog

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
        return searchProducts(ctx, query, null, category, brand, minPrice, maxPrice, inStockOnly, sort, limit);
    }

    @Override
    public ToolResult searchProducts(
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
        return guard("search_products", () -> {
            int size = clamp(limit, 8, 1, 20);
            String text = firstWords(blankToNull(trimTo(query, 200)), MAX_QUERY_WORDS);
            Long categoryId = null;
            Category cat = null;
            if (blankToNull(category) != null) {
                cat = resolveCategory(category).orElse(null);
                if (cat != null) categoryId = cat.id();
            }
            ProductQuery q = new ProductQuery(
                    text,
                    categoryId,
                    blankToNull(brand),
                    null,
                    minPrice == null || minPrice < 0 ? null : Money.of(minPrice),
                    maxPrice == null || maxPrice < 0 ? null : Money.of(maxPrice),
                    Boolean.TRUE.equals(inStockOnly),
                    sortOf(sort),
                    1,
                    size);
            Page<Product> page = search.search(q, blankToNull(trimTo(meaning, 300)));
            List<Product> found = page.items();
            long total = page.total();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("total", total);
            if (cat != null) m.put("category", cat.name());
            m.put("products", found.stream().map(CoreShopTools::productJson).toList());
            return ok("search_products", json(m), found, null, null, null);
        });
    }

    @Override
    public ToolResult getProductDetails(ChatContext ctx, long productId) {
        return guard("get_product_details", () -> {
            Optional<Product> p = catalog.product(productId);
            if (p.isEmpty()) return fail("get_product_details", "NOT_FOUND", "No product with id " + productId + ".");
            Map<String, Object> m = productJson(p.get());
            m.put("description", p.get().description());
            m.put("stock_status", p.get().stockBadge().name().toLowerCase(Locale.ROOT));
            return ok("get_product_details", json(m), List.of(p.get()), null, null, null);
        });
    }

    @Override
    public ToolResult getCategories(ChatContext ctx) {
        return guard("get_categories", () -> {
            List<Category> cats = catalog.categories();
            List<Object> rows = new ArrayList<>();
            for (Category c : cats) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", c.id());
                m.put("name", c.name());
                m.put("name_id", c.nameId());
                m.put("products", c.productCount());
                rows.add(m);
            }
            return ok("get_categories", json(Map.of("categories", rows)), List.of(), null, null, cats);
        });
    }

    @Override
    public ToolResult getProductsByCategory(ChatContext ctx, String category, Integer limit) {
        return guard("get_products_by_category", () -> {
            Optional<Category> c = resolveCategory(category);
            if (c.isEmpty()) {
                return fail(
                        "get_products_by_category",
                        "NOT_FOUND",
                        "No category called \"" + trimTo(category, 60) + "\". Call get_categories for the list.");
            }
            int size = clamp(limit, 8, 1, 20);
            Page<Product> page = catalog.productsByCategory(c.get().id(), 1, size);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("category", c.get().name());
            m.put("total", page.total());
            m.put(
                    "products",
                    page.items().stream().map(CoreShopTools::productJson).toList());
            return ok("get_products_by_category", json(m), page.items(), null, null, c.get());
        });
    }

    @Override
    public ToolResult getBrands(ChatContext ctx) {
        return guard("get_brands", () -> {
            List<Brand> brands = catalog.brands();
            List<String> names = brands.stream().limit(150).map(Brand::name).toList();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("total", brands.size());
            m.put("brands", names);
            return ok("get_brands", json(m), List.of(), null, null, brands);
        });
    }

    @Override
    public ToolResult findProductByName(ChatContext ctx, String name) {
        return guard("find_product_by_name", () -> {
            String n = firstWords(blankToNull(trimTo(name, 200)), MAX_QUERY_WORDS);
            if (n == null) return fail("find_product_by_name", "VALIDATION", "Give a product name to look for.");
            List<Product> found = catalog.findByName(n, 5);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("products", found.stream().map(CoreShopTools::productJson).toList());
            return ok("find_product_by_name", json(m), found, null, null, null);
        });
    }

    @Override
    public ToolResult checkStock(ChatContext ctx, long productId) {
        return guard("check_stock", () -> {
            Optional<StockLevel> level = stock.stock(productId);
            if (level.isEmpty()) return fail("check_stock", "NOT_FOUND", "No product with id " + productId + ".");
            List<Product> p = catalog.products(List.of(productId));
            return ok("check_stock", json(stockJson(level.get())), p, null, null, level.get());
        });
    }

    @Override
    public ToolResult checkStockByName(ChatContext ctx, String name) {
        return guard("check_stock_by_name", () -> {
            String n = firstWords(blankToNull(trimTo(name, 200)), MAX_QUERY_WORDS);
            if (n == null) return fail("check_stock_by_name", "VALIDATION", "Give a product name to check.");
            List<StockLevel> levels = stock.stockByName(n, 3);
            List<Product> ps =
                    catalog.products(levels.stream().map(StockLevel::productId).toList());
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("matches", levels.stream().map(CoreShopTools::stockJson).toList());
            return ok("check_stock_by_name", json(m), ps, null, null, levels);
        });
    }

    // ------------------------------------------------------------------ cart

    @Override
    public ToolResult getCart(ChatContext ctx) {
        return guard("get_cart", () -> {
            Cart c = carts.cart(ctx.owner());
            return ok("get_cart", json(cartJson(c)), List.of(), c, null, null);
        });
    }

    @Override
    public ToolResult addToCart(ChatContext ctx, long productId, int quantity) {
        return guard("add_to_cart", () -> {
            if (quantity < 1 || quantity > 999) {
                return fail("add_to_cart", "VALIDATION", "Quantity must be between 1 and 999.");
            }
            try {
                Cart c = carts.add(ctx.owner(), productId, quantity);
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("added", Map.of("product_id", productId, "quantity", quantity));
                m.put("cart", cartJson(c));
                return ok("add_to_cart", json(m), catalog.products(List.of(productId)), c, null, null);
            } catch (InsufficientStockException e) {
                String alt = e.alternatives().stream()
                        .map(p -> p.name() + " (id " + p.id() + ", " + p.price().format() + ")")
                        .reduce((a, b) -> a + "; " + b)
                        .orElse("none");
                String msg = e.getMessage() + ". Alternatives: " + alt + ".";
                return new ToolResult("add_to_cart", false, msg, e.alternatives(), null, null, e.code(), e);
            }
        });
    }

    @Override
    public ToolResult removeFromCart(ChatContext ctx, long productId, Integer quantity) {
        return guard("remove_from_cart", () -> {
            Cart before = carts.cart(ctx.owner());
            CartLine line = before.lines().stream()
                    .filter(l -> l.productId() == productId)
                    .findFirst()
                    .orElse(null);
            if (line == null) {
                return new ToolResult(
                        "remove_from_cart",
                        false,
                        "Product " + productId + " is not in the cart.",
                        List.of(),
                        before,
                        null,
                        "NOT_IN_CART",
                        null);
            }
            Cart after;
            if (quantity == null || quantity >= line.quantity()) after = carts.remove(ctx.owner(), productId);
            else if (quantity < 1) return fail("remove_from_cart", "VALIDATION", "Quantity must be at least 1.");
            else after = carts.setQuantity(ctx.owner(), productId, line.quantity() - quantity);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("removed", Map.of("product_id", productId, "name", line.name()));
            m.put("cart", cartJson(after));
            return ok("remove_from_cart", json(m), List.of(), after, null, line);
        });
    }

    @Override
    public ToolResult clearCart(ChatContext ctx) {
        return guard("clear_cart", () -> {
            Cart c = carts.cart(ctx.owner());
            if (c.isEmpty()) {
                return new ToolResult(
                        "clear_cart", false, "The cart is already empty.", List.of(), c, null, "EMPTY_CART", null);
            }
            boolean id = isIndonesian(ctx);
            String summary = id
                    ? "Kosongkan keranjang (" + c.itemCount() + " barang, "
                            + c.total().format() + ")?"
                    : "Clear the cart (" + c.itemCount() + " items, "
                            + c.total().format() + ")?";
            ProposedAction a = propose(
                    ctx,
                    ProposedAction.Kind.CLEAR_CART,
                    summary,
                    Map.of(
                            "item_count",
                            String.valueOf(c.itemCount()),
                            "total",
                            String.valueOf(c.total().toLong())));
            return ok("clear_cart", json(proposalJson(a)), List.of(), c, a, null);
        });
    }

    // ------------------------------------------------------------------ vouchers

    @Override
    public ToolResult getVouchers(ChatContext ctx) {
        return guard("get_vouchers", () -> {
            List<VoucherOption> options = carts.voucherOptions(ctx.owner());
            List<Object> rows = new ArrayList<>();
            for (VoucherOption o : options) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("code", o.voucher().code());
                m.put("description", o.voucher().description());
                m.put("applies_now", o.applies());
                if (o.applies() && o.discount() != null)
                    m.put("discount", o.discount().toLong());
                if (!o.applies() && o.reason() != null)
                    m.put("why_not", o.reason().name().toLowerCase(Locale.ROOT));
                if (o.voucher().minPurchase() != null)
                    m.put("min_purchase", o.voucher().minPurchase().toLong());
                rows.add(m);
            }
            return ok("get_vouchers", json(Map.of("vouchers", rows)), List.of(), null, null, options);
        });
    }

    @Override
    public ToolResult applyVoucher(ChatContext ctx, String code) {
        return guard("apply_voucher", () -> {
            String c = code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
            if (c.isEmpty() || c.length() > 40) return fail("apply_voucher", "VALIDATION", "Give a voucher code.");
            Cart cart = carts.cart(ctx.owner());
            if (c.equalsIgnoreCase(cart.voucherCode() == null ? "" : cart.voucherCode())
                    && cart.voucherProblem() == null) {
                return new ToolResult(
                        "apply_voucher",
                        false,
                        "Voucher " + c + " is already applied.",
                        List.of(),
                        cart,
                        null,
                        "ALREADY_APPLIED",
                        null);
            }
            VoucherOption option = carts.voucherOptions(ctx.owner()).stream()
                    .filter(o -> o.voucher().code().equalsIgnoreCase(c))
                    .findFirst()
                    .orElse(null);
            if (option == null) {
                VoucherRejection why = vouchers.byCode(c).map(this::whyUnusable).orElse(VoucherRejection.UNKNOWN_CODE);
                return new ToolResult(
                        "apply_voucher",
                        false,
                        "Voucher " + c + " cannot be used: " + rejectionText(why) + ".",
                        List.of(),
                        cart,
                        null,
                        "VOUCHER_" + why.name(),
                        why);
            }
            if (!option.applies()) {
                VoucherRejection why =
                        option.reason() == null ? VoucherRejection.BELOW_MINIMUM_PURCHASE : option.reason();
                String more = why == VoucherRejection.BELOW_MINIMUM_PURCHASE
                                && option.voucher().minPurchase() != null
                        ? " (minimum purchase " + option.voucher().minPurchase().format() + ")"
                        : "";
                return new ToolResult(
                        "apply_voucher",
                        false,
                        "Voucher " + c + " does not apply yet: " + rejectionText(why) + more + ".",
                        List.of(),
                        cart,
                        null,
                        "VOUCHER_" + why.name(),
                        option);
            }
            Money discount = option.discount() == null ? Money.ZERO : option.discount();
            String summary = isIndonesian(ctx)
                    ? "Pakai voucher " + c + " (hemat " + discount.format() + ")?"
                    : "Apply voucher " + c + " (saves " + discount.format() + ")?";
            ProposedAction a = propose(
                    ctx,
                    ProposedAction.Kind.APPLY_VOUCHER,
                    summary,
                    Map.of("code", c, "discount", String.valueOf(discount.toLong())));
            return ok("apply_voucher", json(proposalJson(a)), List.of(), cart, a, option);
        });
    }

    private VoucherRejection whyUnusable(Voucher v) {
        Instant now = clock.instant();
        if (!v.active()) return VoucherRejection.INACTIVE;
        if (v.validFrom() != null && now.isBefore(v.validFrom())) return VoucherRejection.NOT_YET_VALID;
        if (v.validUntil() != null && !now.isBefore(v.validUntil())) return VoucherRejection.EXPIRED;
        if (v.usageLimit() != null && v.usedCount() >= v.usageLimit()) return VoucherRejection.USAGE_LIMIT_REACHED;
        return VoucherRejection.UNKNOWN_CODE;
    }

    static String rejectionText(VoucherRejection r) {
        return switch (r) {
            case UNKNOWN_CODE -> "there is no voucher with that code";
            case INACTIVE -> "it is switched off";
            case NOT_YET_VALID -> "it is not valid yet";
            case EXPIRED -> "it has expired";
            case USAGE_LIMIT_REACHED -> "it has been used up";
            case BELOW_MINIMUM_PURCHASE -> "the cart is below its minimum purchase";
            case EMPTY_CART -> "the cart is empty";
        };
    }

    @Override
    public ToolResult removeVoucher(ChatContext ctx) {
        return guard("remove_voucher", () -> {
            Cart before = carts.cart(ctx.owner());
            if (before.voucherCode() == null) {
                return new ToolResult(
                        "remove_voucher", false, "No voucher is applied.", List.of(), before, null, "NO_VOUCHER", null);
            }
            Cart c = carts.removeVoucher(ctx.owner());
            return ok("remove_voucher", json(cartJson(c)), List.of(), c, null, before.voucherCode());
        });
    }

    // ------------------------------------------------------------------ addresses, checkout, orders

    @Override
    public ToolResult getAddresses(ChatContext ctx) {
        return guard("get_addresses", () -> {
            if (ctx.isGuest()) return signIn("get_addresses");
            List<Address> list = customers.addresses(ctx.customerId());
            return ok(
                    "get_addresses",
                    json(Map.of(
                            "addresses",
                            list.stream().map(CoreShopTools::addressJson).toList())),
                    List.of(),
                    null,
                    null,
                    list);
        });
    }

    @Override
    public ToolResult findAddressByLabel(ChatContext ctx, String label) {
        return guard("find_address_by_label", () -> {
            if (ctx.isGuest()) return signIn("find_address_by_label");
            Optional<Address> a = resolveAddress(ctx.customerId(), label);
            if (a.isEmpty()) {
                List<Address> all = customers.addresses(ctx.customerId());
                return new ToolResult(
                        "find_address_by_label",
                        false,
                        "No address labelled \"" + trimTo(label, 50) + "\". Saved labels: "
                                + String.join(
                                        ", ", all.stream().map(Address::label).toList()) + ".",
                        List.of(),
                        null,
                        null,
                        "NOT_FOUND",
                        all);
            }
            return ok("find_address_by_label", json(addressJson(a.get())), List.of(), null, null, a.get());
        });
    }

    @Override
    public ToolResult checkout(ChatContext ctx, String addressLabel) {
        return guard("checkout", () -> {
            if (ctx.isGuest()) return signIn("checkout");
            Cart cart = carts.cart(ctx.owner());
            if (cart.isEmpty()) {
                return new ToolResult(
                        "checkout",
                        false,
                        "The cart is empty: add products before checking out.",
                        List.of(),
                        cart,
                        null,
                        "EMPTY_CART",
                        null);
            }
            List<Address> all = customers.addresses(ctx.customerId());
            Address address;
            if (blankToNull(addressLabel) == null) {
                if (all.size() == 1) address = all.get(0);
                else {
                    String msg = all.isEmpty()
                            ? "No saved address: add one before checking out."
                            : "Which address? Saved labels: "
                                    + String.join(
                                            ", ",
                                            all.stream().map(Address::label).toList()) + ".";
                    return new ToolResult(
                            "checkout",
                            false,
                            msg,
                            List.of(),
                            cart,
                            null,
                            all.isEmpty() ? "NO_ADDRESS" : "ADDRESS_REQUIRED",
                            all);
                }
            } else {
                Optional<Address> a = resolveAddress(ctx.customerId(), addressLabel);
                if (a.isEmpty()) {
                    return new ToolResult(
                            "checkout",
                            false,
                            "No address labelled \"" + trimTo(addressLabel, 50) + "\". Saved labels: "
                                    + String.join(
                                            ", ",
                                            all.stream().map(Address::label).toList()) + ".",
                            List.of(),
                            cart,
                            null,
                            "ADDRESS_NOT_FOUND",
                            all);
                }
                address = a.get();
            }
            String key = checkout.newIdempotencyKey();
            String summary = isIndonesian(ctx)
                    ? "Checkout " + cart.itemCount() + " barang, "
                            + cart.total().format() + ", kirim ke " + address.label() + "?"
                    : "Checkout " + cart.itemCount() + " items, " + cart.total().format() + ", to " + address.label()
                            + "?";
            Map<String, String> params = new LinkedHashMap<>();
            params.put("address_id", String.valueOf(address.id()));
            params.put("address_label", address.label());
            params.put("idempotency_key", key);
            params.put("item_count", String.valueOf(cart.itemCount()));
            params.put("total", String.valueOf(cart.total().toLong()));
            ProposedAction a = propose(ctx, ProposedAction.Kind.CHECKOUT, summary, params);
            Map<String, Object> m = proposalJson(a);
            m.put("address", addressJson(address));
            m.put("cart", cartJson(cart));
            return ok("checkout", json(m), List.of(), cart, a, address);
        });
    }

    @Override
    public ToolResult getOrders(ChatContext ctx) {
        return guard("get_orders", () -> {
            if (ctx.isGuest()) return signIn("get_orders");
            Page<Order> page = orders.orders(ctx.customerId(), 1, 10);
            List<Object> rows =
                    page.items().stream().map(o -> (Object) orderJson(o, false)).toList();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("total", page.total());
            m.put("orders", rows);
            return ok("get_orders", json(m), List.of(), null, null, page.items());
        });
    }

    @Override
    public ToolResult getOrderDetails(ChatContext ctx, String order) {
        return guard("get_order_details", () -> {
            if (ctx.isGuest()) return signIn("get_order_details");
            String ref = order == null ? "" : order.trim();
            Optional<Order> o = Optional.empty();
            if (ref.isEmpty() || ref.equalsIgnoreCase("latest") || ref.equalsIgnoreCase("last")) {
                o = orders.orders(ctx.customerId(), 1, 1).items().stream().findFirst();
            } else if (OrderNumbers.isOrderNumber(ref)) {
                o = orders.orderByNumber(ctx.customerId(), ref.toUpperCase(Locale.ROOT));
            } else {
                String digits = ref.startsWith("#") ? ref.substring(1) : ref;
                if (digits.matches("\\d{1,18}")) o = orders.order(ctx.customerId(), Long.parseLong(digits));
            }
            if (o.isEmpty()) {
                return fail(
                        "get_order_details", "NOT_FOUND", "No order \"" + trimTo(ref, 40) + "\" for this customer.");
            }
            return ok("get_order_details", json(orderJson(o.get(), true)), List.of(), null, null, o.get());
        });
    }

    // ------------------------------------------------------------------ recommendations

    @Override
    public ToolResult compareProducts(ChatContext ctx, List<Long> productIds) {
        return guard("compare_products", () -> {
            List<Long> ids = productIds == null ? List.of() : new ArrayList<>(new LinkedHashSet<>(productIds));
            if (ids.size() < 2) return fail("compare_products", "VALIDATION", "Give two to four products to compare.");
            if (ids.size() > 4) ids = ids.subList(0, 4);
            List<Product> ps = catalog.products(ids);
            if (ps.size() < 2) return fail("compare_products", "NOT_FOUND", "Fewer than two of those products exist.");
            List<Object> rows = new ArrayList<>();
            for (Product p : ps) {
                Map<String, Object> m = productJson(p);
                m.put("description", trimTo(p.description(), 240));
                rows.add(m);
            }
            Product cheapest =
                    ps.stream().min((a, b) -> a.price().compareTo(b.price())).orElseThrow();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("products", rows);
            m.put("cheapest_id", cheapest.id());
            m.put(
                    "price_difference",
                    ps.stream()
                            .map(Product::price)
                            .max(Money::compareTo)
                            .orElseThrow()
                            .minus(cheapest.price())
                            .toLong());
            return ok("compare_products", json(m), ps, null, null, null);
        });
    }

    @Override
    public ToolResult getGiftSuggestions(ChatContext ctx, String recipient, Long budget, String interests) {
        return guard("get_gift_suggestions", () -> {
            String who = recipient == null ? "" : recipient.trim().toLowerCase(Locale.ROOT);
            Money max = budget == null || budget <= 0 ? null : Money.of(budget);
            List<Product> list = gifts.suggest(who, max, blankToNull(interests) == null ? null : interests);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("recipient", who.isEmpty() ? null : who);
            m.put("budget", budget);
            m.put("suggestions", list.stream().map(CoreShopTools::productJson).toList());
            return ok("get_gift_suggestions", json(m), list, null, null, null);
        });
    }

    // ------------------------------------------------------------------ confirmed writes

    @Override
    public ToolResult execute(ChatContext ctx, ProposedAction confirmed) {
        String tool = confirmed == null || confirmed.kind() == null ? "execute" : toolOf(confirmed.kind());
        return guard(tool, () -> {
            if (confirmed == null) return fail(tool, "NO_PROPOSAL", "Nothing to confirm.");
            Pending p;
            synchronized (proposals) {
                p = proposals.get(confirmed.id());
                if (p == null
                        || !p.ownerKey().equals(ownerKey(ctx))
                        || p.action().kind() != confirmed.kind()
                        || !p.action().params().equals(confirmed.params())
                        || p.createdAt().plus(PROPOSAL_TTL).isBefore(clock.instant())) {
                    return fail(tool, "NO_PROPOSAL", "That proposal is unknown or has expired: ask again.");
                }
                proposals.remove(confirmed.id());
            }
            ProposedAction a = p.action();
            return switch (a.kind()) {
                case CLEAR_CART -> {
                    Cart c = carts.clear(ctx.owner());
                    yield ok("clear_cart", json(cartJson(c)), List.of(), c, null, null);
                }
                case APPLY_VOUCHER -> {
                    try {
                        Cart c = carts.applyVoucher(ctx.owner(), a.params().get("code"));
                        yield ok("apply_voucher", json(cartJson(c)), List.of(), c, null, null);
                    } catch (VoucherNotApplicableException e) {
                        yield new ToolResult(
                                "apply_voucher",
                                false,
                                e.getMessage(),
                                List.of(),
                                carts.cart(ctx.owner()),
                                null,
                                e.code(),
                                e.reason());
                    }
                }
                case CHECKOUT -> executeCheckout(ctx, a);
            };
        });
    }

    private ToolResult executeCheckout(ChatContext ctx, ProposedAction a) {
        if (ctx.isGuest()) return signIn("checkout");
        Cart now = carts.cart(ctx.owner());
        String wasCount = a.params().get("item_count");
        String wasTotal = a.params().get("total");
        if (now.isEmpty()
                || !String.valueOf(now.itemCount()).equals(wasCount)
                || !String.valueOf(now.total().toLong()).equals(wasTotal)) {
            // the cart changed since the shopper said yes to it: ask again with what it is now
            ToolResult again = checkout(ctx, a.params().get("address_label"));
            String msg = "The cart changed since the checkout was proposed; confirm again.";
            return new ToolResult(
                    "checkout", false, msg, List.of(), again.cart(), again.proposal(), "CART_CHANGED", null);
        }
        try {
            Order order = checkout.checkout(
                    ctx.customerId(),
                    Long.parseLong(a.params().get("address_id")),
                    a.params().get("idempotency_key"));
            Cart after = carts.cart(ctx.owner());
            return ok("checkout", json(orderJson(order, true)), List.of(), after, null, order);
        } catch (InsufficientStockException e) {
            return new ToolResult(
                    "checkout",
                    false,
                    e.getMessage() + ". Remove it or lower the quantity, then check out again.",
                    e.alternatives(),
                    carts.cart(ctx.owner()),
                    null,
                    e.code(),
                    e);
        }
    }

    private static String toolOf(ProposedAction.Kind k) {
        return switch (k) {
            case CHECKOUT -> "checkout";
            case APPLY_VOUCHER -> "apply_voucher";
            case CLEAR_CART -> "clear_cart";
        };
    }

    private ProposedAction propose(
            ChatContext ctx, ProposedAction.Kind kind, String summary, Map<String, String> params) {
        ProposedAction a = new ProposedAction(UUID.randomUUID().toString(), kind, summary, params);
        synchronized (proposals) {
            proposals.put(a.id(), new Pending(ownerKey(ctx), a, clock.instant()));
        }
        return a;
    }

    private static String ownerKey(ChatContext ctx) {
        if (ctx == null || ctx.owner() == null) return "?";
        return ctx.owner().isGuest()
                ? "g:" + ctx.owner().guestKey()
                : "c:" + ctx.owner().customerId();
    }

    // ------------------------------------------------------------------ helpers

    private Optional<Category> resolveCategory(String nameOrId) {
        String s = nameOrId == null ? "" : nameOrId.trim();
        if (s.isEmpty()) return Optional.empty();
        List<Category> all = catalog.categories();
        if (s.matches("\\d{1,18}")) {
            long id = Long.parseLong(s);
            Optional<Category> byId = all.stream().filter(c -> c.id() == id).findFirst();
            if (byId.isPresent()) return byId;
        }
        for (Category c : all) {
            if (c.name().equalsIgnoreCase(s)
                    || (c.nameId() != null && c.nameId().equalsIgnoreCase(s))) {
                return Optional.of(c);
            }
        }
        Optional<Category> named = catalog.categoryByName(s);
        if (named.isPresent()) return named;
        String low = s.toLowerCase(Locale.ROOT);
        for (Category c : all) {
            if (c.name().toLowerCase(Locale.ROOT).contains(low)
                    || (c.nameId() != null
                            && c.nameId().toLowerCase(Locale.ROOT).contains(low))) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    private static final Map<String, List<String>> LABEL_SYNONYMS = Map.of(
            "home", List.of("rumah"),
            "house", List.of("rumah"),
            "rumah", List.of("home"),
            "office", List.of("kantor"),
            "work", List.of("kantor"),
            "kantor", List.of("office", "work"),
            "kos", List.of("kost", "kosan"),
            "kost", List.of("kos", "kosan"));

    private Optional<Address> resolveAddress(long customerId, String label) {
        String l = label == null ? "" : label.trim();
        if (l.isEmpty() || l.length() > 100) return Optional.empty();
        Optional<Address> a = customers.addressByLabel(customerId, l);
        if (a.isPresent()) return a;
        String low = l.toLowerCase(Locale.ROOT);
        for (String alt : LABEL_SYNONYMS.getOrDefault(low, List.of())) {
            a = customers.addressByLabel(customerId, alt);
            if (a.isPresent()) return a;
        }
        // "rumah ibu" when only "Rumah" exists, or "kantor baru" for "Kantor Baru"
        List<Address> all = customers.addresses(customerId);
        for (Address x : all) {
            String xl = x.label().toLowerCase(Locale.ROOT);
            if (low.startsWith(xl + " ") || xl.startsWith(low)) return Optional.of(x);
        }
        return Optional.empty();
    }

    private boolean isIndonesian(ChatContext ctx) {
        Locale l = ctx == null ? null : ctx.uiLocale();
        return l != null && ("id".equals(l.getLanguage()) || "in".equals(l.getLanguage()));
    }

    private static ToolResult signIn(String tool) {
        return new ToolResult(
                tool,
                false,
                "The shopper is a guest: they must sign in first.",
                List.of(),
                null,
                null,
                "SIGN_IN_REQUIRED",
                null);
    }

    private static ToolResult ok(
            String tool, String forModel, List<Product> products, Cart cart, ProposedAction a, Object data) {
        return new ToolResult(tool, true, forModel, products, cart, a, null, data);
    }

    private static ToolResult fail(String tool, String code, String message) {
        return new ToolResult(tool, false, message, List.of(), null, null, code, null);
    }

    private static ToolResult guard(String tool, Supplier<ToolResult> work) {
        try {
            return work.get();
        } catch (ShopException e) {
            return new ToolResult(tool, false, e.getMessage(), List.of(), null, null, e.code(), e);
        } catch (RuntimeException e) {
            LOG.warn("tool {} failed", tool, e);
            return new ToolResult(
                    tool,
                    false,
                    "The store system did not answer; try again in a moment.",
                    List.of(),
                    null,
                    null,
                    "UNAVAILABLE",
                    null);
        }
    }

    static Map<String, Object> productJson(Product p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id());
        m.put("name", p.name());
        m.put("brand", p.brand());
        m.put("price", p.price().toLong());
        m.put("available", p.available());
        m.put("category", p.categoryName());
        return m;
    }

    static Map<String, Object> stockJson(StockLevel s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("product_id", s.productId());
        m.put("name", s.productName());
        m.put("available", s.available());
        m.put("in_stock", s.inStock());
        m.put("low", s.low());
        return m;
    }

    static Map<String, Object> cartJson(Cart c) {
        Map<String, Object> m = new LinkedHashMap<>();
        List<Object> lines = new ArrayList<>();
        for (CartLine l : c.lines()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("product_id", l.productId());
            x.put("name", l.name());
            x.put("quantity", l.quantity());
            x.put("unit_price", l.unitPrice().toLong());
            x.put("line_total", l.lineTotal().toLong());
            lines.add(x);
        }
        m.put("lines", lines);
        m.put("subtotal", c.subtotal().toLong());
        m.put("voucher", c.voucherCode());
        m.put("discount", c.discount().toLong());
        m.put("total", c.total().toLong());
        if (c.voucherProblem() != null) m.put("voucher_problem", c.voucherProblem());
        return m;
    }

    static Map<String, Object> addressJson(Address a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("label", a.label());
        m.put("address", a.oneLine());
        m.put("default", a.isDefault());
        return m;
    }

    static Map<String, Object> orderJson(Order o, boolean lines) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("order_number", o.orderNumber());
        m.put("status", o.status().name().toLowerCase(Locale.ROOT));
        m.put("total", o.total().toLong());
        m.put("created_at", o.createdAt() == null ? null : o.createdAt().toString());
        if (lines) {
            List<Object> ls = new ArrayList<>();
            for (OrderLine l : o.lines()) {
                ls.add(Map.of(
                        "name",
                        l.productName(),
                        "quantity",
                        l.quantity(),
                        "line_total",
                        l.lineTotal().toLong()));
            }
            m.put("lines", ls);
            m.put("discount", o.discount().toLong());
            m.put("ship_to", o.shippingAddressText());
        }
        return m;
    }

    static Map<String, Object> proposalJson(ProposedAction a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", "awaiting_confirmation");
        m.put("action_id", a.id());
        m.put("kind", a.kind().name().toLowerCase(Locale.ROOT));
        m.put("question", a.summary());
        return m;
    }

    private static String json(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            return "{}";
        }
    }

    private static ProductSort sortOf(String s) {
        if (s == null) return ProductSort.RELEVANCE;
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "price_asc", "cheapest", "price" -> ProductSort.PRICE_ASC;
            case "price_desc" -> ProductSort.PRICE_DESC;
            case "newest" -> ProductSort.NEWEST;
            default -> ProductSort.RELEVANCE;
        };
    }

    private static int clamp(Integer v, int dflt, int min, int max) {
        if (v == null) return dflt;
        return Math.max(min, Math.min(max, v));
    }

    private static boolean hasLatinLetterOrDigit(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = Character.toLowerCase(s.charAt(i));
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) return true;
        }
        return false;
    }

    /** Keyword search costs grow with every word, and no product name needs more than a few. */
    static String firstWords(String s, int max) {
        if (s == null) return null;
        String[] w = s.trim().split("\\s+");
        return w.length <= max ? s.trim() : String.join(" ", java.util.Arrays.copyOf(w, max));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String trimTo(String s, int max) {
        if (s == null) return null;
        return s.length() > max ? s.substring(0, max) : s;
    }
}
