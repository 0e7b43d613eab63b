package com.shopassist.ai.dialog;

import com.shopassist.ai.lang.Lang;
import com.shopassist.ai.tool.ToolResult;
import com.shopassist.core.cart.Cart;
import com.shopassist.core.cart.CartLine;
import com.shopassist.core.catalog.Product;
import com.shopassist.core.catalog.StockBadge;
import java.util.List;

/** Sentences more than one feature's dialog says: product lines, stock, the cart, failures. */
public final class Replies {
    private Replies() {}

    /** The most products a list shows. */
    public static final int SHOW = 6;

    public static void listProducts(DialogTurn turn, List<Product> ps) {
        for (int i = 0; i < ps.size(); i++) turn.say((i + 1) + ". " + line(ps.get(i), turn.lang()));
    }

    /** "Name — Rp 699.000 (only 3 left)". */
    public static String line(Product p, Lang lang) {
        String s = p.name() + " — " + p.price().format();
        StockBadge b = p.stockBadge();
        if (b == StockBadge.SOLD_OUT) s += lang.pick(" (sold out)", " (habis)");
        else if (b == StockBadge.LOW)
            s += lang.pick(" (only " + p.available() + " left)", " (sisa " + p.available() + ")");
        return s;
    }

    public static String stockSentence(int available, int low, Lang lang) {
        if (available <= 0) return lang.pick("sold out right now.", "sedang habis.");
        if (available <= low) return lang.pick("only " + available + " left.", "tinggal " + available + ".");
        return lang.pick("in stock (" + available + " available).", "tersedia (" + available + " stok).");
    }

    public static void listCart(DialogTurn turn, Cart c) {
        for (int i = 0; i < c.lines().size(); i++) {
            CartLine l = c.lines().get(i);
            turn.say((i + 1) + ". " + l.quantity() + " × " + l.name() + " — "
                    + l.lineTotal().format());
        }
    }

    /** "Cart: 2 items, subtotal ..., discount ... (CODE), total Rp ...". */
    public static String cartSummary(Cart c, Lang lang) {
        String s = lang.pick(
                "Cart: " + c.itemCount() + (c.itemCount() == 1 ? " item, " : " items, "),
                "Keranjang: " + c.itemCount() + " barang, ");
        if (c.discount() != null && !c.discount().isZero()) {
            String code = c.voucherCode() != null ? " (" + c.voucherCode() + ")" : "";
            s += lang.pick(
                    "subtotal " + c.subtotal().format() + ", discount "
                            + c.discount().format() + code + ", total ",
                    "subtotal " + c.subtotal().format() + ", diskon "
                            + c.discount().format() + code + ", total ");
        } else {
            s += "total ";
        }
        s += c.total().format() + ".";
        if (c.voucherProblem() != null) s += " " + c.voucherProblem();
        return s;
    }

    /**
     * A failure with no better words: the store is down (an outage, or the store database that
     * cannot be reached: its own message is English only), or the tool's own sentence.
     */
    public static void unavailable(DialogTurn turn, ToolResult r) {
        if ("UNAVAILABLE".equals(r.errorCode()) || "DATA_UNAVAILABLE".equals(r.errorCode())) {
            turn.say(turn.t(
                    "The store system is not answering right now. Please try again in a moment.",
                    "Sistem toko sedang tidak merespons. Silakan coba lagi sebentar lagi."));
        } else {
            turn.say(turn.t("Sorry, that didn't work: " + r.forModel(), "Maaf, itu tidak berhasil: " + r.forModel()));
        }
    }

    /** True (and the shopper asked to sign in) when the tool needs a signed-in customer. */
    public static boolean signInNeeded(DialogTurn turn, ToolResult r) {
        if (!"SIGN_IN_REQUIRED".equals(r.errorCode())) return false;
        turn.say(turn.t(
                "Please sign in first: then I can show your addresses and orders and check out.",
                "Silakan masuk (sign in) dulu: setelah itu saya bisa tampilkan alamat dan pesanan, dan checkout."));
        turn.chips(turn.t("Call a clerk", "Panggil petugas"));
        return true;
    }

    public static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
