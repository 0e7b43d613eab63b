package com.shopassist.ai.gemini;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Picks the tools one turn offers the model. Every declaration is sent with every model call, and
 * all 22 cost about 600 input tokens a call, so a turn gets the core four plus the groups its
 * words (English or Indonesian) point at, plus the groups the previous turn used (so "yes, the
 * second one" keeps its context). A call to a tool outside the set is still executed (see
 * {@code GeminiLayer}): the set is an economy, never a wall.
 */
final class ToolRouter {

    static final List<String> CORE = List.of("search_products", "get_product_details", "get_cart", "add_to_cart");

    private record Group(Pattern words, List<String> tools) {}

    // a fixed order keeps requests byte-stable between turns (better for Gemini's implicit prompt cache)
    private static final List<Group> GROUPS = List.of(
            group(
                    "categor|kategori|brand|merek|merk|jenis|browse|jual|sell|what do you have|apa saja|katalog|catalog",
                    "get_categories",
                    "get_products_by_category",
                    "get_brands",
                    "find_product_by_name"),
            group(
                    "stock|stok|available|tersedia|ready|habis|sisa|left|in store",
                    "check_stock",
                    "check_stock_by_name",
                    "find_product_by_name"),
            group(
                    "remove|hapus|buang|kurangi|clear|kosongkan|empty|delete|take out|keluarkan",
                    "remove_from_cart",
                    "clear_cart"),
            group(
                    "voucher|vocer|vouchers|kupon|coupon|promo|diskon|discount|kode|code",
                    "get_vouchers",
                    "apply_voucher",
                    "remove_voucher"),
            group(
                    "checkout|check out|bayar|pay|place the order|buy now|beli sekarang|kirim|deliver|ship|alamat|address|rumah|kantor|home|office",
                    "get_addresses",
                    "find_address_by_label",
                    "checkout"),
            group("order|pesanan|status|track|lacak|riwayat|history|bought|dibeli", "get_orders", "get_order_details"),
            group(
                    "compare|bandingkan|banding|vs|versus|beda|difference|better|lebih bagus|recommend|rekomendasi|saran|sarankan|best|terbaik|gift|hadiah|kado|present|birthday|ulang tahun|pros and cons",
                    "compare_products",
                    "get_gift_suggestions"));

    private static final Pattern SEVERAL_STEPS =
            Pattern.compile("\\b(and|then|also|after that|dan|lalu|terus|kemudian|juga|sekalian|habis itu)\\b|,|;|\\+");

    private ToolRouter() {}

    /** Tool names for this turn, core first. */
    static List<String> select(String message, Set<String> previousTurnTools) {
        String m = message == null ? "" : message.toLowerCase(Locale.ROOT);
        Set<String> out = new LinkedHashSet<>(CORE);
        for (Group g : GROUPS) {
            if (g.words().matcher(m).find()) out.addAll(g.tools());
        }
        for (Group g : GROUPS) {
            if (g.tools().stream().anyMatch(previousTurnTools::contains)) out.addAll(g.tools());
        }
        return List.copyOf(out);
    }

    /**
     * Whether cart writes may end the turn without a second model call (their reply is composed
     * from the tool result). Only for a single request: "add it and checkout" must reach the
     * second step.
     */
    static boolean singleStep(String message) {
        if (message == null) return true;
        return !SEVERAL_STEPS.matcher(message.toLowerCase(Locale.ROOT)).find();
    }

    private static Group group(String words, String... tools) {
        return new Group(Pattern.compile("\\b(" + words + ")"), List.of(tools));
    }
}
