package com.shopassist.ai.gemini;

import com.shopassist.ai.lang.Lang;
import com.shopassist.ai.tool.ToolResult;
import com.shopassist.core.cart.Cart;
import com.shopassist.core.cart.CartLine;
import com.shopassist.core.chat.ProposedAction;
import com.shopassist.core.order.Order;
import com.shopassist.core.order.OrderNumbers;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The sentences the chain writes itself (no model): in English or Indonesian. */
final class Texts {

    private Texts() {}

    /** The reply for writes that ended the turn without a second model call. */
    static String immediate(List<ToolResult> results, Lang lang) {
        StringBuilder sb = new StringBuilder();
        for (ToolResult r : results) {
            String line;
            if (r.proposal() != null) {
                line = r.proposal().summary();
            } else {
                line = switch (r.tool()) {
                    case "add_to_cart" ->
                        lang.pick("Added to your cart. ", "Sudah masuk keranjang. ") + cartLine(r.cart(), lang);
                    case "remove_from_cart" ->
                        lang.pick("Removed from your cart. ", "Sudah dihapus dari keranjang. ")
                                + cartLine(r.cart(), lang);
                    case "remove_voucher" ->
                        lang.pick("Voucher removed. ", "Voucher dilepas. ") + cartLine(r.cart(), lang);
                    default -> cartLine(r.cart(), lang);
                };
            }
            if (!line.isBlank()) {
                if (sb.length() > 0) sb.append('\n');
                sb.append(line.strip());
            }
        }
        return sb.toString();
    }

    static String cartLine(Cart cart, Lang lang) {
        if (cart == null) return "";
        if (cart.isEmpty()) return lang.pick("Your cart is empty.", "Keranjang kosong.");
        StringBuilder sb = new StringBuilder();
        for (CartLine l : cart.lines()) {
            sb.append("\n- ")
                    .append(l.quantity())
                    .append(" × ")
                    .append(l.name())
                    .append(" - ")
                    .append(l.lineTotal().format());
        }
        if (cart.voucherCode() != null
                && cart.discount() != null
                && !cart.discount().isZero()) {
            sb.append("\n")
                    .append(lang.pick("Voucher ", "Voucher "))
                    .append(cart.voucherCode())
                    .append(": -")
                    .append(cart.discount().format());
        }
        sb.append("\nTotal: ").append(cart.total().format());
        return lang.pick("Your cart:", "Keranjang:") + sb;
    }

    /** After the shopper confirmed a proposal and it was carried out (or refused by the store). */
    static String executed(ProposedAction action, ToolResult r, Lang lang) {
        if (!r.ok()) {
            String why = readable(r.forModel());
            // the store asks again (the cart changed since the shopper said yes): show the new question
            if (r.proposal() != null)
                return (why.isEmpty() ? "" : why + "\n") + r.proposal().summary();
            return lang.pick("That did not go through", "Belum berhasil") + (why.isEmpty() ? "." : ": " + why);
        }
        return switch (action.kind()) {
            case CHECKOUT -> {
                if (r.data() instanceof Order o) {
                    yield lang.pick(
                            "Your order " + o.orderNumber() + " (" + o.total().format() + ") is placed. Thank you!",
                            "Pesanan " + o.orderNumber() + " (" + o.total().format() + ") sudah dibuat. Terima kasih!");
                }
                String number = OrderNumbers.find(r.forModel());
                yield number == null
                        ? lang.pick("Your order is placed. Thank you!", "Pesanan sudah dibuat. Terima kasih!")
                        : lang.pick(
                                "Your order " + number + " is placed. Thank you!",
                                "Pesanan " + number + " sudah dibuat. Terima kasih!");
            }
            case APPLY_VOUCHER -> lang.pick("Voucher applied. ", "Voucher dipakai. ") + cartLine(r.cart(), lang);
            case CLEAR_CART -> lang.pick("Your cart is empty now.", "Keranjang sudah dikosongkan.");
        };
    }

    static String declined(Lang lang) {
        return lang.pick("OK, I won't do that. Anything else?", "Baik, tidak jadi. Ada lagi yang bisa dibantu?");
    }

    static String expired(Lang lang) {
        return lang.pick(
                "That request is no longer open. Ask me again and I'll set it up.",
                "Permintaan itu sudah tidak berlaku. Silakan minta lagi.");
    }

    static String empty(Lang lang) {
        return lang.pick("What are you looking for today?", "Lagi cari apa hari ini?");
    }

    static String signIn(Lang lang) {
        return lang.pick(
                "You've used today's free assistant chats on this kiosk. Please sign in (free) to keep chatting - you can still browse and use the cart.",
                "Kuota chat tamu hari ini sudah habis. Silakan masuk (gratis) untuk lanjut chat - Anda tetap bisa melihat produk dan memakai keranjang.");
    }

    static String limitReached(Lang lang) {
        return lang.pick(
                "You've reached today's assistant limit. It resets at midnight - you can still browse, use the cart and check out.",
                "Batas chat asisten hari ini sudah tercapai. Kuota kembali tengah malam - Anda tetap bisa melihat produk, memakai keranjang dan checkout.");
    }

    static String otherAccount(Lang lang) {
        return lang.pick(
                "This conversation belongs to another account. Start a new chat to continue.",
                "Percakapan ini milik akun lain. Mulai chat baru untuk melanjutkan.");
    }

    static String graceful(Lang lang) {
        return lang.pick(
                "I'm having trouble right now. Here's what I can still do:\n- type 'search' and a product, e.g. 'search headphones'\n- type 'cart' to see your cart\n- type 'help' for more\nOr try again in a moment.",
                "Maaf, saya sedang ada kendala. Yang masih bisa:\n- ketik 'cari' dan nama produk, mis. 'cari headphone'\n- ketik 'keranjang' untuk melihat keranjang\n- ketik 'bantuan' untuk lainnya\nAtau coba lagi sebentar lagi.");
    }

    static List<String> gracefulSuggestions(Lang lang) {
        return lang == Lang.ID
                ? List.of("cari headphone", "lihat keranjang", "bantuan")
                : List.of("search headphones", "view cart", "help");
    }

    static String interrupted(Lang lang) {
        return lang.pick(" … (connection lost - please ask again)", " … (koneksi terputus - silakan tanya lagi)");
    }

    /** A tool message meant for a model, made presentable: JSON is not shown to shoppers. */
    static String readable(String forModel) {
        if (forModel == null) return "";
        String t = forModel.strip();
        if (t.startsWith("{") || t.startsWith("[")) {
            Matcher m = Pattern.compile("\"(?:message|error|reason)\"\\s*:\\s*\"([^\"]+)\"")
                    .matcher(t);
            return m.find() ? m.group(1) : "";
        }
        return t.length() > 300 ? t.substring(0, 300) + "…" : t;
    }
}
