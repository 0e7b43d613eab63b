package com.shopassist.app.eval;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One shopper task of the evaluation: a conversation (English, Indonesian or the mix) played by a
 * guest kiosk or a signed-in customer, and what the store must look like after it.
 *
 * @param customer the email of the customer who talks, or null for a guest kiosk session
 * @param cart the expected cart (product name to quantity), or null when it must stay as it was
 * @param voucher the expected voucher code on the cart ("" for none), or null when it must stay as it was
 * @param newOrders how many orders the conversation must place (0 unless said)
 * @param orderAddress words the newest order's address must hold, or null
 * @param facts words every one of which must appear in the replies (any case)
 * @param absent words none of which may appear in the replies
 */
public record EvalTask(
        String id,
        List<String> tags,
        String customer,
        List<String> turns,
        Map<String, Integer> cart,
        String voucher,
        int newOrders,
        String orderAddress,
        List<String> facts,
        List<String> absent) {

    public EvalTask {
        tags = List.copyOf(tags);
        turns = List.copyOf(turns);
        cart = cart == null ? null : Map.copyOf(cart);
        facts = List.copyOf(facts);
        absent = List.copyOf(absent);
    }

    /** Reads one task; a task file that is not what this expects fails with the task's id. */
    static EvalTask of(JsonNode n) {
        String id = text(n, "id").orElseThrow(() -> new IllegalArgumentException("a task without an id: " + n));
        List<String> turns = strings(n.get("turns"));
        if (turns.isEmpty()) throw new IllegalArgumentException("task " + id + " has no turns");
        JsonNode expect = n.path("expect");
        Map<String, Integer> cart = null;
        if (expect.has("cart")) {
            cart = new LinkedHashMap<>();
            var fields = expect.get("cart").fields();
            while (fields.hasNext()) {
                var f = fields.next();
                cart.put(f.getKey(), f.getValue().asInt());
            }
        }
        return new EvalTask(
                id,
                strings(n.get("tags")),
                text(n, "customer").orElse(null),
                turns,
                cart,
                expect.has("voucher") ? expect.get("voucher").asText("") : null,
                expect.path("orders").asInt(0),
                text(expect, "address").orElse(null),
                strings(n.get("facts")),
                strings(n.get("absent")));
    }

    private static Optional<String> text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? Optional.empty() : Optional.of(v.asText());
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null) for (JsonNode x : array) out.add(x.asText());
        return out;
    }
}
