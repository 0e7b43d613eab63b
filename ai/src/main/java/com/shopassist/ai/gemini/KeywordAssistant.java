package com.shopassist.ai.gemini;

import com.shopassist.ai.tools.ShopTools;
import com.shopassist.ai.tools.ToolResult;
import com.shopassist.core.chat.AssistantReply;
import com.shopassist.core.chat.ChatContext;
import com.shopassist.core.chat.ProductCard;
import com.shopassist.core.chat.ShoppingAssistant;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The smallest rule-based layer (the seed's fallback examples): search, cart, categories and
 * help over the shared tools. It stands in when no richer offline assistant is given, and says
 * nothing (null) for anything else, so the chain's graceful message follows.
 */
public final class KeywordAssistant implements ShoppingAssistant {

    private static final Pattern CART = Pattern.compile(
            "(?i)^(?:show |view |lihat |what'?s in )?(?:my )?(cart|keranjang|keranjang saya|troli)\\??$");
    private static final Pattern SEARCH = Pattern.compile("(?i)^(?:search|find|cari|carikan)\\s+(.+)$");
    private static final Pattern HELP = Pattern.compile("(?i)^(help|bantuan|tolong|what can you do|\\?)$");
    private static final Pattern CATEGORIES = Pattern.compile("(?i)^(categories|kategori|browse)$");

    private final ShopTools tools;

    public KeywordAssistant(ShopTools tools) {
        this.tools = tools;
    }

    /** Null when no rule matches. */
    @Override
    public AssistantReply reply(ChatContext ctx, String message) {
        String m = message == null ? "" : message.strip();
        String lang = Lang.detect(m, Lang.of(ctx.uiLocale()));
        Matcher s = SEARCH.matcher(m);
        if (s.matches()) {
            ToolResult r = tools.searchProducts(ctx, s.group(1), null, null, null, null, null, null, 5);
            List<ProductCard> cards = r.products().stream().map(ProductCard::of).toList();
            String text;
            if (!r.ok()) text = Texts.readable(r.forModel());
            else if (cards.isEmpty())
                text = Lang.pick(
                        lang,
                        "I found nothing for \"" + s.group(1) + "\".",
                        "Tidak ada hasil untuk \"" + s.group(1) + "\".");
            else {
                StringBuilder sb =
                        new StringBuilder(Lang.pick(lang, "Here is what I found:", "Ini yang saya temukan:"));
                for (ProductCard c : cards)
                    sb.append("\n- ")
                            .append(c.name())
                            .append(" - ")
                            .append(c.price().format());
                text = sb.toString();
            }
            return reply(text, lang, cards, r, List.of("search_products"));
        }
        if (CART.matcher(m).matches()) {
            ToolResult r = tools.getCart(ctx);
            String text = r.cart() != null ? Texts.cartLine(r.cart(), lang) : Texts.readable(r.forModel());
            return reply(
                    text.isBlank() ? Lang.pick(lang, "Your cart is empty.", "Keranjang kosong.") : text,
                    lang,
                    List.of(),
                    r,
                    List.of("get_cart"));
        }
        if (CATEGORIES.matcher(m).matches()) {
            ToolResult r = tools.getCategories(ctx);
            return reply(
                    Texts.readable(r.forModel()).isEmpty() ? r.forModel() : Texts.readable(r.forModel()),
                    lang,
                    List.of(),
                    r,
                    List.of("get_categories"));
        }
        if (HELP.matcher(m.toLowerCase(Locale.ROOT)).matches()) {
            return new AssistantReply(
                    Lang.pick(
                            lang,
                            "I can search products ('search headphones'), show your cart ('cart') and list categories ('categories').",
                            "Saya bisa mencari produk ('cari headphone'), menampilkan keranjang ('keranjang') dan kategori ('kategori')."),
                    lang,
                    List.of(),
                    null,
                    null,
                    List.of(),
                    "offline",
                    Texts.gracefulSuggestions(lang));
        }
        return null;
    }

    @Override
    public AssistantReply confirm(ChatContext ctx, String actionId, boolean accept) {
        return null;
    }

    private static AssistantReply reply(
            String text, String lang, List<ProductCard> cards, ToolResult r, List<String> toolNames) {
        return new AssistantReply(text, lang, cards, r.cart(), r.proposal(), toolNames, "offline", List.of());
    }
}
