package com.shopassist.ai.cart;

import static com.shopassist.ai.dialog.Replies.blank;

import com.shopassist.ai.catalog.ProductResolver;
import com.shopassist.ai.dialog.DialogTurn;
import com.shopassist.ai.dialog.Intent;
import com.shopassist.ai.dialog.IntentHandler;
import com.shopassist.ai.dialog.ParsedMessage;
import com.shopassist.ai.dialog.Ref;
import com.shopassist.ai.dialog.Replies;
import com.shopassist.ai.dialog.Synonyms;
import com.shopassist.ai.tool.Args;
import com.shopassist.ai.tool.ToolResult;
import com.shopassist.core.cart.Cart;
import com.shopassist.core.cart.CartLine;
import com.shopassist.core.catalog.Product;
import com.shopassist.core.chat.ProposedAction;
import com.shopassist.core.stock.InsufficientStockException;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The offline assistant's cart intents: add, remove, clear (proposed), view. */
public final class CartDialog implements IntentHandler {

    @Override
    public Set<Intent> intents() {
        return Set.of(Intent.ADD_TO_CART, Intent.REMOVE_FROM_CART, Intent.CLEAR_CART, Intent.VIEW_CART);
    }

    @Override
    public void handle(DialogTurn turn, ParsedMessage m) {
        switch (m.intent()) {
            case ADD_TO_CART -> add(turn, m);
            case REMOVE_FROM_CART -> remove(turn, m);
            case CLEAR_CART -> clear(turn);
            case VIEW_CART -> view(turn);
            default -> throw new IllegalArgumentException(m.intent().name());
        }
    }

    @Override
    public Set<ProposedAction.Kind> proposes() {
        return Set.of(ProposedAction.Kind.CLEAR_CART);
    }

    @Override
    public boolean settled(DialogTurn turn, ProposedAction a, ToolResult r) {
        if (!r.ok()) return false;
        turn.say(turn.t("Your cart is now empty.", "Keranjang sudah dikosongkan."));
        return true;
    }

    private void add(DialogTurn turn, ParsedMessage m) {
        Product p;
        if (turn.named().isEmpty() && m.ref() == null && blank(m.name()) && m.brand() == null) {
            List<Product> shown = turn.state().lastProducts();
            p = turn.state().focus() != null ? turn.state().focus() : shown.size() == 1 ? shown.get(0) : null;
            if (p == null) {
                turn.say(turn.t(
                        "Which product would you like to add? Say \"the first one\", or its name.",
                        "Produk mana yang mau ditambahkan? Sebut \"yang pertama\", atau namanya."));
                if (!shown.isEmpty()) Replies.listProducts(turn, shown);
                return;
            }
        } else {
            p = ProductResolver.resolve(turn, m, true);
            if (p == null) return;
        }
        // a product named in full was taken out of the message before it was read (OfflineAssistant):
        // a number of its name ("Pack of 3") is no quantity, a number typed besides it is ("add 8 Loop 8 ...")
        int qty = m.quantity() == null ? 1 : Math.max(1, Math.min(999, m.quantity()));
        ToolResult r = turn.call(AddToCartTool.NAME, Args.of("product_id", p.id(), "quantity", qty));
        if (!r.ok()) {
            if (r.data() instanceof InsufficientStockException e) {
                outOfStock(turn, e);
                return;
            }
            Replies.unavailable(turn, r);
            return;
        }
        turn.state().focus(p);
        turn.say(turn.t(
                "Added " + qty + " × " + p.name() + " to your cart.",
                "Sudah ditambahkan " + qty + " × " + p.name() + " ke keranjang."));
        if (turn.cart() != null) turn.say(Replies.cartSummary(turn.cart(), turn.lang()));
        turn.chips(
                turn.t("View cart", "Lihat keranjang"),
                turn.t("Checkout", "Checkout"),
                turn.t("Add one more", "Tambah satu lagi"));
    }

    /** Not enough stock: what is left, and the alternatives to pick from instead. */
    private static void outOfStock(DialogTurn turn, InsufficientStockException e) {
        turn.say(
                e.available() <= 0
                        ? turn.t(e.productName() + " is sold out.", e.productName() + " sedang habis.")
                        : turn.t(
                                "Only " + e.available() + " of " + e.productName() + " available.",
                                "Stok " + e.productName() + " tinggal " + e.available() + "."));
        if (!e.alternatives().isEmpty()) {
            turn.say(turn.t("You might like:", "Mungkin cocok:"));
            Replies.listProducts(turn, e.alternatives());
            turn.state().showProducts(e.alternatives());
            turn.show(e.alternatives());
        }
        if (e.available() > 0) turn.chips(turn.t("Add " + e.available(), "Tambah " + e.available()));
    }

    private void remove(DialogTurn turn, ParsedMessage m) {
        ToolResult cr = turn.call(GetCartTool.NAME, Args.none());
        if (!cr.ok()) {
            Replies.unavailable(turn, cr);
            return;
        }
        Cart cart = cr.cart();
        if (cart == null || cart.isEmpty()) {
            turn.say(turn.t("Your cart is empty.", "Keranjang kamu kosong."));
            return;
        }
        CartLine line = line(turn, m, cart);
        if (line == null) {
            turn.say(turn.t("Which item should I remove?", "Barang mana yang mau dihapus?"));
            Replies.listCart(turn, cart);
            turn.state().cartShown();
            return;
        }
        Integer qty = m.quantity();
        ToolResult r = turn.call(RemoveFromCartTool.NAME, Args.of("product_id", line.productId(), "quantity", qty));
        if (!r.ok()) {
            Replies.unavailable(turn, r);
            return;
        }
        boolean whole = qty == null || qty >= line.quantity();
        turn.say(
                whole
                        ? turn.t(
                                "Removed " + line.name() + " from your cart.",
                                line.name() + " sudah dihapus dari keranjang.")
                        : turn.t(
                                "Removed " + qty + " × " + line.name() + ".",
                                "Sudah dikurangi " + qty + " × " + line.name() + "."));
        if (turn.cart() != null) turn.say(Replies.cartSummary(turn.cart(), turn.lang()));
        turn.chips(turn.t("View cart", "Lihat keranjang"));
    }

    /** The cart line a message points at: by reference, by name, or the only one. */
    private static CartLine line(DialogTurn turn, ParsedMessage m, Cart cart) {
        List<CartLine> lines = cart.lines();
        for (Product named : turn.named()) {
            Optional<CartLine> l = lineOf(lines, named.id());
            if (l.isPresent()) return l.get();
        }
        Ref ref = m.ref();
        if (ref != null) {
            switch (ref.kind()) {
                case ORDINAL, LAST -> {
                    int idx = ref.kind() == Ref.Kind.LAST ? -1 : ref.index() - 1;
                    // "the second one" points into what was shown last: the cart, or a result list
                    List<Product> shown = turn.state().lastProducts();
                    if (!turn.state().lastShownCart() && !shown.isEmpty()) {
                        int i = idx < 0 ? shown.size() - 1 : idx;
                        if (i < shown.size()) {
                            Optional<CartLine> l = lineOf(lines, shown.get(i).id());
                            if (l.isPresent()) return l.get();
                        }
                    }
                    int i = idx < 0 ? lines.size() - 1 : idx;
                    return i < lines.size() ? lines.get(i) : null;
                }
                case BRAND -> {
                    return lines.stream()
                            .filter(l -> l.brand() != null && l.brand().equalsIgnoreCase(ref.brand()))
                            .findFirst()
                            .orElse(null);
                }
                case CHEAPEST -> {
                    return lines.stream()
                            .min(Comparator.comparing(CartLine::unitPrice))
                            .orElse(null);
                }
                case PRICIEST -> {
                    return lines.stream()
                            .max(Comparator.comparing(CartLine::unitPrice))
                            .orElse(null);
                }
                case THAT, ALL -> {
                    Product f = turn.state().focus();
                    if (f != null) {
                        Optional<CartLine> l = lineOf(lines, f.id());
                        if (l.isPresent()) return l.get();
                    }
                    return lines.size() == 1 ? lines.get(0) : null;
                }
            }
        }
        String name = !blank(m.name()) ? m.name() : m.brand();
        if (!blank(name)) {
            List<String> words = List.of(name.toLowerCase(Locale.ROOT).split("\\s+"));
            // as typed and in English ("tas ransel" is one word, "backpack", in English)
            Set<String> terms = new LinkedHashSet<>(words);
            terms.addAll(Synonyms.map(words));
            CartLine best = null;
            int bestScore = 0;
            for (CartLine l : lines) {
                String hay = (l.name() + " " + l.brand()).toLowerCase(Locale.ROOT);
                int score = 0;
                for (String term : terms) if (!term.isBlank() && hay.contains(term)) score++;
                if (score > bestScore) {
                    bestScore = score;
                    best = l;
                }
            }
            return best;
        }
        return lines.size() == 1 ? lines.get(0) : null;
    }

    private static Optional<CartLine> lineOf(List<CartLine> lines, long productId) {
        return lines.stream().filter(x -> x.productId() == productId).findFirst();
    }

    private void clear(DialogTurn turn) {
        ToolResult r = turn.call(ClearCartTool.NAME, Args.none());
        if (!r.ok()) {
            if ("EMPTY_CART".equals(r.errorCode())) {
                turn.say(turn.t("Your cart is already empty.", "Keranjang kamu sudah kosong."));
                return;
            }
            Replies.unavailable(turn, r);
            return;
        }
        Cart c = r.cart();
        turn.propose(
                r.proposal(),
                turn.t(
                        "Clear the cart (" + c.itemCount() + " items, "
                                + c.total().format() + ")? yes / no",
                        "Kosongkan keranjang (" + c.itemCount() + " barang, "
                                + c.total().format() + ")? ya / tidak"));
    }

    private void view(DialogTurn turn) {
        ToolResult r = turn.call(GetCartTool.NAME, Args.none());
        if (!r.ok()) {
            Replies.unavailable(turn, r);
            return;
        }
        Cart c = r.cart();
        if (c == null || c.isEmpty()) {
            turn.say(turn.t("Your cart is empty.", "Keranjang kamu masih kosong."));
            turn.chips(turn.t("Show categories", "Lihat kategori"));
            return;
        }
        turn.say(turn.t("Your cart:", "Isi keranjang kamu:"));
        Replies.listCart(turn, c);
        turn.say(Replies.cartSummary(c, turn.lang()));
        turn.state().cartShown();
        turn.chips(
                turn.t("Checkout", "Checkout"),
                turn.t("Vouchers", "Voucher"),
                turn.t("Clear cart", "Kosongkan keranjang"));
    }
}
