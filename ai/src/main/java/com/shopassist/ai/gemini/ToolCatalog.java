package com.shopassist.ai.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.shopassist.ai.tools.ShopTools;
import com.shopassist.ai.tools.ToolResult;
import com.shopassist.core.chat.ChatContext;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonIntegerSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The seed's 22 tools as LangChain4j tool specifications, and the one place that turns a model's
 * function call into a {@link ShopTools} call. Descriptions are short on purpose: every word is
 * sent with every model call. Nothing here takes a customer: the {@link ChatContext} comes from
 * the session, and arguments a model invents (an email, a customer id) are simply not read.
 */
final class ToolCatalog {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final int SEARCH_LIMIT = 5;

    private final Map<String, ToolSpecification> specs = new LinkedHashMap<>();

    ToolCatalog() {
        add(
                "search_products",
                "Search the catalog. Prices in rupiah.",
                obj().addStringProperty("query", "keywords")
                        .addStringProperty("category")
                        .addStringProperty("brand")
                        .addIntegerProperty("min_price")
                        .addIntegerProperty("max_price")
                        .addEnumProperty("sort", List.of("relevance", "price_asc", "price_desc", "newest"))
                        .build());
        add("get_product_details", "Full details of one product.", idOnly());
        add("get_categories", "List product categories.", null);
        add(
                "get_products_by_category",
                "Products in a category (name or id).",
                obj().addStringProperty("category").required("category").build());
        add("get_brands", "List brands.", null);
        add(
                "find_product_by_name",
                "Find a product by (part of) its name.",
                obj().addStringProperty("name").required("name").build());
        add("check_stock", "Units available now.", idOnly());
        add(
                "check_stock_by_name",
                "Units available now, by product name.",
                obj().addStringProperty("name").required("name").build());
        add("get_cart", "The shopper's cart.", null);
        add(
                "add_to_cart",
                "Add a product to the cart.",
                obj().addIntegerProperty("product_id")
                        .addIntegerProperty("quantity", "default 1")
                        .required("product_id")
                        .build());
        add(
                "remove_from_cart",
                "Remove a product (or some units) from the cart.",
                obj().addIntegerProperty("product_id")
                        .addIntegerProperty("quantity", "omit to remove the line")
                        .required("product_id")
                        .build());
        add("clear_cart", "Propose emptying the cart (shopper confirms).", null);
        add("get_vouchers", "Vouchers available now.", null);
        add(
                "apply_voucher",
                "Check a voucher code and propose applying it (shopper confirms).",
                obj().addStringProperty("code").required("code").build());
        add("remove_voucher", "Remove the voucher from the cart.", null);
        add("get_addresses", "The shopper's saved addresses.", null);
        add(
                "find_address_by_label",
                "A saved address by label, e.g. Rumah, Kantor.",
                obj().addStringProperty("label").required("label").build());
        add(
                "checkout",
                "Propose placing the order to an address label (shopper confirms).",
                obj().addStringProperty("address_label").build());
        add("get_orders", "The shopper's recent orders.", null);
        add(
                "get_order_details",
                "One order by number or id.",
                obj().addStringProperty("order").required("order").build());
        add(
                "compare_products",
                "Compare 2-4 products side by side.",
                obj().addProperty(
                                "product_ids",
                                JsonArraySchema.builder()
                                        .items(new JsonIntegerSchema())
                                        .build())
                        .required("product_ids")
                        .build());
        add(
                "get_gift_suggestions",
                "Gift ideas.",
                obj().addStringProperty("recipient", "e.g. dad, ibu, teenager")
                        .addIntegerProperty("budget", "rupiah")
                        .addStringProperty("interests")
                        .build());
        if (!specs.keySet().equals(new java.util.LinkedHashSet<>(ShopTools.NAMES))) {
            throw new IllegalStateException("tool catalog out of step with ShopTools.NAMES");
        }
    }

    ToolSpecification spec(String name) {
        return specs.get(name);
    }

    boolean knows(String name) {
        return specs.containsKey(name);
    }

    List<ToolSpecification> specs(List<String> names) {
        List<ToolSpecification> out = new ArrayList<>();
        for (String n : names) if (specs.containsKey(n)) out.add(specs.get(n));
        return out;
    }

    /** Runs one function call. Bad arguments come back as a failed result the model can correct. */
    ToolResult execute(ShopTools tools, ChatContext ctx, String name, String arguments) {
        JsonNode a;
        try {
            a = arguments == null || arguments.isBlank() ? JSON.createObjectNode() : JSON.readTree(arguments);
        } catch (IOException e) {
            return failure(name, "Arguments are not valid JSON: " + arguments);
        }
        try {
            return switch (name) {
                case "search_products" ->
                    tools.searchProducts(
                            ctx,
                            str(a, "query"),
                            str(a, "category"),
                            str(a, "brand"),
                            lng(a, "min_price"),
                            lng(a, "max_price"),
                            bool(a, "in_stock_only"),
                            str(a, "sort"),
                            // five is what an answer shows; more would be paid for on every later call
                            limit(a));
                case "get_product_details" -> tools.getProductDetails(ctx, required(a, "product_id"));
                case "get_categories" -> tools.getCategories(ctx);
                case "get_products_by_category" ->
                    tools.getProductsByCategory(ctx, requiredStr(a, "category"), limit(a));
                case "get_brands" -> tools.getBrands(ctx);
                case "find_product_by_name" -> tools.findProductByName(ctx, requiredStr(a, "name"));
                case "check_stock" -> tools.checkStock(ctx, required(a, "product_id"));
                case "check_stock_by_name" -> tools.checkStockByName(ctx, requiredStr(a, "name"));
                case "get_cart" -> tools.getCart(ctx);
                case "add_to_cart" ->
                    tools.addToCart(ctx, required(a, "product_id"), (int) orDefault(lng(a, "quantity"), 1L));
                case "remove_from_cart" -> tools.removeFromCart(ctx, required(a, "product_id"), integer(a, "quantity"));
                case "clear_cart" -> tools.clearCart(ctx);
                case "get_vouchers" -> tools.getVouchers(ctx);
                case "apply_voucher" -> tools.applyVoucher(ctx, requiredStr(a, "code"));
                case "remove_voucher" -> tools.removeVoucher(ctx);
                case "get_addresses" -> tools.getAddresses(ctx);
                case "find_address_by_label" -> tools.findAddressByLabel(ctx, requiredStr(a, "label"));
                case "checkout" -> tools.checkout(ctx, str(a, "address_label"));
                case "get_orders" -> tools.getOrders(ctx);
                case "get_order_details" -> tools.getOrderDetails(ctx, requiredStr(a, "order"));
                case "compare_products" -> tools.compareProducts(ctx, ids(a, "product_ids"));
                case "get_gift_suggestions" ->
                    tools.getGiftSuggestions(ctx, str(a, "recipient"), lng(a, "budget"), str(a, "interests"));
                default -> failure(name, "Unknown tool " + name + ". Use only the tools provided.");
            };
        } catch (BadArgument e) {
            return failure(name, e.getMessage());
        }
    }

    static ToolResult failure(String tool, String message) {
        return new ToolResult(tool, false, message, List.of(), null, null, "BAD_ARGUMENTS");
    }

    private void add(String name, String description, JsonObjectSchema params) {
        ToolSpecification.Builder b = ToolSpecification.builder().name(name).description(description);
        if (params != null) b.parameters(params);
        specs.put(name, b.build());
    }

    private static JsonObjectSchema.Builder obj() {
        return JsonObjectSchema.builder();
    }

    private static JsonObjectSchema idOnly() {
        return obj().addIntegerProperty("product_id").required("product_id").build();
    }

    private static final class BadArgument extends RuntimeException {
        BadArgument(String message) {
            super(message, null, false, false);
        }
    }

    private static String str(JsonNode a, String field) {
        JsonNode v = a.get(field);
        if (v == null || v.isNull()) return null;
        String s = v.isTextual() ? v.asText() : v.toString();
        return s.isBlank() ? null : s.strip();
    }

    private static String requiredStr(JsonNode a, String field) {
        String s = str(a, field);
        if (s == null) throw new BadArgument("Missing argument " + field + ".");
        return s;
    }

    private static Long lng(JsonNode a, String field) {
        JsonNode v = a.get(field);
        if (v == null || v.isNull()) return null;
        if (v.isNumber()) return v.asLong();
        String s = v.asText().replaceAll("[^0-9-]", "");
        if (s.isEmpty()) throw new BadArgument("Argument " + field + " must be a whole number, not " + v + ".");
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new BadArgument("Argument " + field + " must be a whole number, not " + v + ".");
        }
    }

    private static Integer integer(JsonNode a, String field) {
        Long l = lng(a, field);
        if (l == null) return null;
        if (l > Integer.MAX_VALUE || l < Integer.MIN_VALUE)
            throw new BadArgument("Argument " + field + " is too large.");
        return l.intValue();
    }

    private static long required(JsonNode a, String field) {
        Long l = lng(a, field);
        if (l == null) throw new BadArgument("Missing argument " + field + ".");
        return l;
    }

    private static int limit(JsonNode a) {
        Integer l = integer(a, "limit");
        return l == null ? SEARCH_LIMIT : l;
    }

    private static Boolean bool(JsonNode a, String field) {
        JsonNode v = a.get(field);
        if (v == null || v.isNull()) return null;
        return v.isBoolean() ? v.asBoolean() : Boolean.parseBoolean(v.asText());
    }

    private static long orDefault(Long v, long d) {
        return v == null ? d : v;
    }

    private static List<Long> ids(JsonNode a, String field) {
        JsonNode v = a.get(field);
        if (v == null || !v.isArray() || v.isEmpty())
            throw new BadArgument("Argument " + field + " must be a list of product ids.");
        List<Long> out = new ArrayList<>();
        for (JsonNode n : v) {
            if (n.isNumber()) out.add(n.asLong());
            else {
                try {
                    out.add(Long.parseLong(n.asText().strip()));
                } catch (NumberFormatException e) {
                    throw new BadArgument("Argument " + field + " must be a list of product ids.");
                }
            }
        }
        return out;
    }
}
