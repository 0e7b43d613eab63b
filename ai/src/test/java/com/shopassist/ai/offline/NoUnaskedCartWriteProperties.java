package com.shopassist.ai.offline;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopassist.core.chat.AssistantReply;
import com.shopassist.core.chat.ChatContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The rule of the offline assistant's cart: a write happens only when the shopper asks for one.
 * Over generated sentences that do not ask to add or remove (questions about a product named in
 * full or pointed at, prices, stock, totals, brands, cancel words, small talk, in English,
 * Indonesian and the mix), played after a search and one explicit add, against the real tools on
 * embedded PostgreSQL: the cart stays exactly as it was, and no cart-writing tool runs.
 */
class NoUnaskedCartWriteProperties {

    static OfflineWorld w;
    static List<String> names;

    /** Sentences that read or talk, never ask for a write; {p} a product, {r} a reference, {b} a brand. */
    static final List<String> TEMPLATES = List.of(
            "can I buy {p}?",
            "can I still buy {p}?",
            "could I buy {r}?",
            "can I get {p}?",
            "can I buy {r}?",
            "is {p} available?",
            "is {r} available?",
            "is {p} in stock?",
            "{p} in stock?",
            "{p} still available?",
            "masih ada {p}?",
            "{p} masih ada?",
            "masih ada {r}?",
            "bisa dibeli {p}?",
            "bisa beli {r}?",
            "{p} bisa dibeli?",
            "how much is {p}?",
            "how much is {r}?",
            "berapa harga {p}?",
            "harga {r} berapa?",
            "{p} berapa?",
            "tell me about {p}",
            "detail {r}",
            "{p}",
            "do you have {p}?",
            "do you sell {b}?",
            "which brands do you carry?",
            "what brands do you have?",
            "merek apa saja yang dijual?",
            "ada merek apa aja?",
            "what's my total",
            "totalnya berapa",
            "berapa totalnya?",
            "show my cart",
            "lihat keranjang",
            "batalin aja",
            "gak jadi",
            "never mind",
            "compare {r} and {r}",
            "{r} ready gak?",
            "apakah {p} ready?",
            "thanks",
            "halo",
            "any vouchers?",
            "voucher apa saja?",
            "is there more?",
            "any more?",
            "is {p} good?",
            "{p} bagus gak?",
            "which is cheaper, {r} or {r}?",
            "what colours does {p} come in?",
            "kak {p} ready stok?",
            "mau tanya, {p} masih ada gak?",
            "is {b} any good?");

    static final List<String> REFS = List.of(
            "the first one",
            "the second one",
            "the third one",
            "the last one",
            "it",
            "that one",
            "yang pertama",
            "yang kedua",
            "yang terakhir",
            "yang itu",
            "the cheapest one",
            "yang termurah");

    static final List<String> BRANDS = List.of("Sonora", "Medika", "Gema Audio", "Kopi Nusa", "Orin", "Arkana");

    @BeforeContainer
    static void up() {
        w = new OfflineWorld();
        names = new ArrayList<>();
        // sold-out products and products in stock alike, from across the catalog
        String sql = "SELECT product_name FROM tbl_product WHERE product_id % 17 = 0 OR stock_quantity = 0"
                + " ORDER BY product_id LIMIT 120";
        try (Connection c = w.db.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) names.add(rs.getString(1));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterContainer
    static void down() {
        w.close();
    }

    @Provide
    Arbitrary<String> product() {
        Arbitrary<String> name = Arbitraries.of(names);
        // as listed, in lower case, or without its variant ("... - Medium")
        return Combinators.combine(name, Arbitraries.integers().between(0, 2)).as((n, form) -> switch (form) {
            case 0 -> n;
            case 1 -> n.toLowerCase(Locale.ROOT);
            default -> n.contains(" - ") ? n.substring(0, n.lastIndexOf(" - ")) : n;
        });
    }

    @Provide
    Arbitrary<String> sentence() {
        return Combinators.combine(
                        Arbitraries.of(TEMPLATES),
                        product(),
                        Arbitraries.of(REFS),
                        Arbitraries.of(REFS),
                        Arbitraries.of(BRANDS))
                .as((t, p, r1, r2, b) -> t.replace("{p}", p)
                        .replaceFirst("\\{r}", r1)
                        .replace("{r}", r2)
                        .replace("{b}", b));
    }

    @Property(tries = 150)
    void sentencesThatDoNotAskToAddOrRemoveNeverWriteTheCart(
            @ForAll("sentence") String first, @ForAll("sentence") String second) {
        ChatContext ctx = w.guest();
        w.say(ctx, "headphones");
        w.say(ctx, "add the first one");
        Map<Long, Long> before = cart(ctx);
        assertThat(before).hasSize(1);
        for (String s : List.of(first, second)) {
            AssistantReply r = w.say(ctx, s);
            assertThat(r.tools()).as("tools for \"%s\"", s).doesNotContain("add_to_cart", "remove_from_cart");
            assertThat(cart(ctx)).as("cart after \"%s\"", s).isEqualTo(before);
        }
    }

    /** product id -> quantity in this guest's cart, straight from the tables. */
    static Map<Long, Long> cart(ChatContext ctx) {
        Map<Long, Long> m = new TreeMap<>();
        String sql = "SELECT i.product_id, i.quantity FROM tbl_cart c JOIN tbl_cart_item i ON i.cart_id = c.cart_id"
                + " WHERE c.guest_key = ?";
        try (Connection c = w.db.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, ctx.owner().guestKey());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) m.put(rs.getLong(1), rs.getLong(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return m;
    }
}
