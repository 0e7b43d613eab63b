package com.shopassist.ai.tool;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.shopassist.core.cart.Cart;
import com.shopassist.core.cart.CartLine;
import com.shopassist.core.cart.CartNotice;
import com.shopassist.core.catalog.Product;
import com.shopassist.core.chat.ProposedAction;
import com.shopassist.core.common.Page;
import com.shopassist.core.customer.Address;
import com.shopassist.core.order.Order;
import com.shopassist.core.order.OrderLine;
import com.shopassist.core.stock.StockLevel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON shapes of products, carts, orders, addresses, stock and proposals: compact (only the
 * fields an answer needs), the same for every tool, for the model and for the headless chat.
 */
public final class ToolJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ToolJson() {}

    /**
     * A page's total as the model should repeat it: the exact number, or "more than 1000" when the
     * count stopped at its bound (decision 0109), so no exact figure is ever made up.
     */
    public static Object total(Page<?> page) {
        return page.moreThanTotal() ? "more than " + page.total() : page.total();
    }

    public static Map<String, Object> product(Product p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id());
        m.put("name", p.name());
        m.put("brand", p.brand());
        m.put("price", p.price().toLong());
        m.put("available", p.available());
        m.put("category", p.categoryName());
        return m;
    }

    public static List<Map<String, Object>> products(List<Product> ps) {
        return ps.stream().map(ToolJson::product).toList();
    }

    public static Map<String, Object> stock(StockLevel s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("product_id", s.productId());
        m.put("name", s.productName());
        m.put("available", s.available());
        m.put("in_stock", s.inStock());
        m.put("low", s.low());
        return m;
    }

    /**
     * A cart: lines, subtotal, voucher, discount, total, the voucher's problem when it has one, and
     * its notices when it has some.
     */
    public static Map<String, Object> cart(Cart c) {
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
        if (!c.notices().isEmpty()) {
            // what the store changed while the kiosk could not reach it (decision 0097)
            List<Object> notices = new ArrayList<>();
            for (CartNotice n : c.notices()) {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("kind", n.kind().name().toLowerCase(Locale.ROOT));
                x.put("product_id", n.productId());
                x.put("message", n.message());
                notices.add(x);
            }
            m.put("notices", notices);
        }
        return m;
    }

    public static Map<String, Object> address(Address a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("label", a.label());
        m.put("address", a.oneLine());
        m.put("default", a.isDefault());
        return m;
    }

    /** An order; {@code lines} adds its lines, discount and shipping address. */
    public static Map<String, Object> order(Order o, boolean lines) {
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

    /** A write waiting for the shopper's yes. */
    public static Map<String, Object> proposal(ProposedAction a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", "awaiting_confirmation");
        m.put("action_id", a.id());
        m.put("kind", a.kind().name().toLowerCase(Locale.ROOT));
        m.put("question", a.summary());
        return m;
    }

    /** Compact JSON text; "{}" if it cannot be written. */
    public static String write(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            return "{}";
        }
    }
}
