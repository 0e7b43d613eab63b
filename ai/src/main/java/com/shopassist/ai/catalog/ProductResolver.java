package com.shopassist.ai.catalog;

import static com.shopassist.ai.dialog.Replies.blank;

import com.shopassist.ai.dialog.ConversationState;
import com.shopassist.ai.dialog.DialogTurn;
import com.shopassist.ai.dialog.ParsedMessage;
import com.shopassist.ai.dialog.Ref;
import com.shopassist.ai.dialog.Replies;
import com.shopassist.ai.tool.Args;
import com.shopassist.ai.tool.ToolResult;
import com.shopassist.core.catalog.Product;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The product a message points at, for every feature that acts on one (details, stock, cart):
 * a reference to what was shown ("the second one", "that Sony"), a name typed, or the product in
 * focus. When it cannot tell, it says why and asks.
 */
public final class ProductResolver {
    private ProductResolver() {}

    /** The product, or null after telling the shopper why not. */
    public static Product resolve(DialogTurn turn, ParsedMessage m) {
        return resolve(turn, m, false);
    }

    /**
     * The product, or null after telling the shopper why not. {@code forWrite}: a cart write takes
     * a typed name only when the product holds every word of it; a loose match is shown and asked
     * about instead.
     */
    public static Product resolve(DialogTurn turn, ParsedMessage m, boolean forWrite) {
        ConversationState st = turn.state();
        if (!turn.named().isEmpty()) return named(turn);
        Ref ref = m.ref();
        if (ref != null && ref.kind() != Ref.Kind.THAT && ref.kind() != Ref.Kind.ALL) {
            Product p = pick(ref, st);
            if (p != null) return p;
            if (ref.kind() == Ref.Kind.ORDINAL && !st.lastProducts().isEmpty()) {
                turn.say(turn.t(
                        "There are only " + st.lastProducts().size() + " in the list.",
                        "Daftarnya hanya ada " + st.lastProducts().size() + "."));
                Replies.listProducts(turn, st.lastProducts());
                return null;
            }
            if (ref.kind() != Ref.Kind.BRAND) {
                turn.say(turn.t(
                        "Which product do you mean? Search for something first, e.g. \"headphones\".",
                        "Produk yang mana? Cari dulu, misalnya \"sepatu lari\"."));
                return null;
            }
        }
        if (!blank(m.name()) || m.brand() != null) {
            String text = lookupText(m);
            ToolResult r = turn.call(FindProductByNameTool.NAME, Args.of("name", text));
            if (!r.ok()) {
                Replies.unavailable(turn, r);
                return null;
            }
            List<Product> found = r.products();
            if (found.isEmpty() && !blank(m.name()) && !m.name().equals(text)) {
                found = turn.call(FindProductByNameTool.NAME, Args.of("name", m.name()))
                        .products();
            }
            if (found.isEmpty()) {
                turn.say(turn.t(
                        "I couldn't find a product called \"" + text + "\".",
                        "Saya tidak menemukan produk \"" + text + "\"."));
                return null;
            }
            Product best = clearWinner(found, text, forWrite);
            if (best != null) return best;
            turn.say(turn.t("Which one do you mean?", "Yang mana maksudnya?"));
            List<Product> options = found.subList(0, Math.min(Replies.SHOW, found.size()));
            Replies.listProducts(turn, options);
            st.showProducts(options);
            turn.show(options);
            turn.chips(turn.t("The first one", "Yang pertama"), turn.t("The second one", "Yang kedua"));
            return null;
        }
        if (st.focus() != null) return st.focus();
        if (st.lastProducts().size() == 1) return st.lastProducts().get(0);
        turn.say(turn.t(
                "Which product do you mean? Say \"the first one\" or its name.",
                "Produk yang mana? Sebut \"yang pertama\" atau namanya."));
        if (!st.lastProducts().isEmpty()) Replies.listProducts(turn, st.lastProducts());
        return null;
    }

    /** The one product named, or null after asking which of the variants named. */
    private static Product named(DialogTurn turn) {
        List<Product> named = turn.named();
        if (named.size() == 1) return named.get(0);
        turn.say(turn.t("Which one do you mean?", "Yang mana maksudnya?"));
        List<Product> options = named.subList(0, Math.min(Replies.SHOW, named.size()));
        Replies.listProducts(turn, options);
        turn.state().showProducts(options);
        turn.show(options);
        turn.chips(turn.t("The first one", "Yang pertama"), turn.t("The second one", "Yang kedua"));
        return null;
    }

    /** The shown product a reference points at, or null. */
    public static Product pick(Ref ref, ConversationState st) {
        List<Product> shown = st.lastProducts();
        return switch (ref.kind()) {
            case ORDINAL -> ref.index() >= 1 && ref.index() <= shown.size() ? shown.get(ref.index() - 1) : null;
            case LAST -> shown.isEmpty() ? null : shown.get(shown.size() - 1);
            case CHEAPEST ->
                shown.stream().min(Comparator.comparing(Product::price)).orElse(null);
            case PRICIEST ->
                shown.stream().max(Comparator.comparing(Product::price)).orElse(null);
            case BRAND -> {
                if (st.focus() != null && st.focus().brand().equalsIgnoreCase(ref.brand())) yield st.focus();
                yield shown.stream()
                        .filter(p -> p.brand().equalsIgnoreCase(ref.brand()))
                        .findFirst()
                        .orElse(null);
            }
            case THAT -> st.focus() != null ? st.focus() : shown.size() == 1 ? shown.get(0) : null;
            case ALL -> null;
        };
    }

    /** The one product whose name holds every word typed, when exactly one does (or only one came back). */
    static Product clearWinner(List<Product> found, String text, boolean strict) {
        List<String> words = List.of(text.toLowerCase(Locale.ROOT).split("\\s+"));
        if (found.size() == 1 && !strict) return found.get(0);
        List<Product> full = found.stream()
                .filter(p -> {
                    String hay = (p.brand() + " " + p.name()).toLowerCase(Locale.ROOT);
                    return words.stream().allMatch(hay::contains);
                })
                .toList();
        if (full.size() == 1) return full.get(0);
        // the same product in different variants is not worth a question: the first is the best match
        String first = found.get(0).name().toLowerCase(Locale.ROOT);
        String exact = text.toLowerCase(Locale.ROOT);
        if (first.equals(exact) || (found.get(0).brand() + " " + found.get(0).name()).equalsIgnoreCase(text)) {
            return found.get(0);
        }
        return null;
    }

    /** Words to look a product up by: brand plus the English form of what was typed. */
    public static String lookupText(ParsedMessage m) {
        List<String> parts = new ArrayList<>();
        if (m.brand() != null) parts.add(m.brand());
        if (!blank(m.query())) parts.add(m.query());
        String s = String.join(" ", parts).trim();
        return s.isEmpty() ? (m.name() == null ? "" : m.name()) : s;
    }
}
