package com.shopassist.ai.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.shopassist.ai.tool.ToolResult;
import com.shopassist.core.cart.Cart;
import com.shopassist.core.cart.CartLine;
import com.shopassist.core.catalog.Product;
import com.shopassist.core.money.Money;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What a model's answer is checked against: the products this turn's tools returned (with their
 * prices, and for cart lines the line totals), the other figures the tools gave (cart totals,
 * discounts, order totals, voucher amounts: no product's price), and the amounts in the shopper's
 * own message.
 */
final class Facts {

    /**
     * A product the tools returned.
     *
     * @param available units available, or -1 when not known
     * @param product the catalog product for a card, or null (a cart line)
     * @param prices the amounts a sentence naming it may state as its price: the price, and as a
     *     cart line its line total before and after the voucher
     */
    record Known(long id, String name, String brand, Money price, int available, Product product, Set<Long> prices) {
        /** Whether a sentence naming this product may state the amount, given the quantities it states. */
        boolean priced(long amount, List<Integer> quantities) {
            if (prices.contains(amount)) return true;
            for (int q : quantities) if (price != null && price.toLong() * q == amount) return true;
            return false;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Fields of the tools' JSON whose numbers are prices, ids or counts, never a figure to quote. */
    private static final Set<String> NOT_FIGURES = Set.of(
            "id", "product_id", "price", "unit_price", "available", "stock", "quantity", "in_stock", "low", "limit");

    static final Facts NONE = new Facts(Map.of(), Set.of(), Set.of());

    final Map<Long, Known> known;
    final Set<Long> figures;
    final Set<Long> shopper;
    final ProductMentions.Index names;

    private Facts(Map<Long, Known> known, Set<Long> figures, Set<Long> shopper) {
        this.known = known;
        this.figures = figures;
        this.shopper = shopper;
        this.names = new ProductMentions.Index(known.values());
    }

    static Facts of(List<ToolResult> results, String shopperMessage) {
        Map<Long, Known> known = new LinkedHashMap<>();
        Set<Long> figures = new HashSet<>();
        for (ToolResult r : results) {
            for (Product p : r.products()) {
                Known k = known.get(p.id());
                Set<Long> prices = k != null ? k.prices() : new HashSet<>();
                prices.add(p.price().toLong());
                known.put(p.id(), new Known(p.id(), p.name(), p.brand(), p.price(), p.available(), p, prices));
            }
            if (r.cart() != null) addCart(r.cart(), known, figures);
            if (r.forModel() != null) addFigures(r.forModel(), figures);
        }
        return new Facts(known, figures, new HashSet<>(Amounts.values(shopperMessage)));
    }

    /** Whether an amount is a figure the tools gave or the shopper's own. */
    boolean figure(long amount) {
        return figures.contains(amount) || shopper.contains(amount);
    }

    private static void addCart(Cart cart, Map<Long, Known> known, Set<Long> figures) {
        figures.add(cart.subtotal().toLong());
        figures.add(cart.total().toLong());
        if (cart.discount() != null) figures.add(cart.discount().toLong());
        for (CartLine l : cart.lines()) {
            Known k = known.get(l.productId());
            if (k == null) {
                k = new Known(l.productId(), l.name(), l.brand(), l.unitPrice(), l.available(), null, new HashSet<>());
                known.put(l.productId(), k);
            }
            k.prices().add(l.unitPrice().toLong());
            k.prices().add(l.lineTotal().toLong());
            figures.add(l.lineTotal().toLong());
            if (l.lineDiscount() != null) {
                figures.add(l.lineDiscount().toLong());
                k.prices().add(l.lineTotal().minus(l.lineDiscount()).toLong());
            }
        }
    }

    private static void addFigures(String forModel, Set<Long> figures) {
        String s = forModel.strip();
        if (s.startsWith("{") || s.startsWith("[")) {
            try {
                walk(JSON.readTree(s), null, figures);
                return;
            } catch (IOException e) {
                // not JSON after all: read it as text
            }
        }
        figures.addAll(Amounts.values(s));
    }

    private static void walk(JsonNode n, String field, Set<Long> figures) {
        if (n.isObject()) {
            n.fields().forEachRemaining(e -> walk(e.getValue(), e.getKey(), figures));
        } else if (n.isArray()) {
            for (JsonNode x : n) walk(x, field, figures);
        } else if (n.isNumber()) {
            if (field == null || !NOT_FIGURES.contains(field)) figures.add(n.asLong());
        } else if (n.isTextual()) {
            figures.addAll(Amounts.values(n.asText()));
        }
    }

    /**
     * The facts for a streamed answer, read again only when the tools returned more. The products
     * of earlier turns are read again once, the first time a sentence holds a digit (an answer can
     * repeat an earlier price, which is checked against today's).
     */
    static final class Source {
        private final Supplier<List<ToolResult>> results;
        private final Function<List<ToolResult>, List<ToolResult>> reread;
        private final String shopperMessage;
        private List<ToolResult> earlier;
        private int seen = -1;
        private Facts facts = NONE;

        Source(
                Supplier<List<ToolResult>> results,
                Function<List<ToolResult>, List<ToolResult>> reread,
                String shopperMessage) {
            this.results = results;
            this.reread = reread;
            this.shopperMessage = shopperMessage;
        }

        Facts facts(boolean withEarlier) {
            List<ToolResult> now = results.get();
            boolean stale = now.size() != seen;
            if (withEarlier && earlier == null && reread != null) {
                earlier = reread.apply(now);
                stale = true;
            }
            if (stale) {
                List<ToolResult> all = new ArrayList<>(now);
                if (earlier != null) all.addAll(earlier);
                facts = Facts.of(all, shopperMessage);
                seen = now.size();
            }
            return facts;
        }
    }
}
