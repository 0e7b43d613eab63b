package com.shopassist.app.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Order numbers in tasks and recordings written as {@code {order:000049}}: the demo seed dates its
 * orders from the seed's clock, so {@code SA-20261203-000049} exists only on the day it was seeded,
 * while the sequence suffix (the order id) is the same on every day. A placeholder is replaced by
 * the number of the copy's order with that suffix; one that matches no order is an error naming it,
 * never a number that silently tests nothing.
 */
public final class OrderPlaceholders {

    static final Pattern PLACEHOLDER = Pattern.compile("\\{order:(\\d{6,10})\\}");

    /** The order-number suffix after the date ("SA-20261203-000049" -> "000049") to the number. */
    private final Map<String, String> numbers;

    private OrderPlaceholders(Map<String, String> numbers) {
        this.numbers = Map.copyOf(numbers);
    }

    /** The orders of the store behind {@code data}, as they are now. */
    static OrderPlaceholders of(DataSource data) {
        Map<String, String> numbers = new HashMap<>();
        try (Connection c = data.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT order_number FROM tbl_order");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String n = rs.getString(1);
                numbers.put(n.substring(n.lastIndexOf('-') + 1), n);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the store's order numbers failed: " + e.getMessage(), e);
        }
        return new OrderPlaceholders(numbers);
    }

    /** {@code text} with every placeholder replaced by its order number. */
    public String resolve(String text) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String number = numbers.get(m.group(1));
            if (number == null) {
                throw new IllegalArgumentException(
                        m.group() + " matches no order of the demo store (the demo seed changed: correct the task)");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(number));
        }
        return m.appendTail(out).toString();
    }

    /** The task with its turns, facts and absent words resolved. */
    EvalTask resolve(EvalTask t) {
        return new EvalTask(
                t.id(),
                t.tags(),
                t.customer(),
                resolve(t.turns()),
                t.cart(),
                t.voucher(),
                t.newOrders(),
                t.orderAddress(),
                resolve(t.facts()),
                resolve(t.absent()));
    }

    private List<String> resolve(List<String> texts) {
        List<String> out = new ArrayList<>(texts.size());
        for (String s : texts) out.add(resolve(s));
        return out;
    }

    /** The order numbers the placeholders in {@code text} stand for (those that match an order). */
    List<String> numbersIn(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            String number = numbers.get(m.group(1));
            if (number != null) out.add(number);
        }
        return out;
    }

    /** Resolves every string under {@code node} (a recorded reply's text and call arguments) in place. */
    void resolveIn(JsonNode node) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                JsonNode v = node.get(name);
                if (v.isTextual()) ((ObjectNode) node).put(name, resolve(v.asText()));
                else resolveIn(v);
            }
        } else if (node.isArray()) {
            ArrayNode a = (ArrayNode) node;
            for (int i = 0; i < a.size(); i++) {
                if (a.get(i).isTextual())
                    a.set(i, TextNode.valueOf(resolve(a.get(i).asText())));
                else resolveIn(a.get(i));
            }
        }
    }
}
