package com.shopassist.ai.offline;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopassist.core.chat.AssistantReply;
import com.shopassist.core.chat.ChatContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Products named in full, in stock or sold out, anywhere in a sentence, and questions that only
 * read: over the seeded catalog, where "Medika Herbal First Aid Kit - Medium" is sold out.
 */
class NamedProductsIT {

    static final String KIT = "Medika Herbal First Aid Kit - Medium";
    static OfflineWorld w;

    @BeforeAll
    static void up() {
        w = new OfflineWorld();
    }

    @AfterAll
    static void down() {
        w.close();
    }

    long cartLines(ChatContext ctx) {
        return w.count(
                "SELECT count(*) FROM tbl_cart c JOIN tbl_cart_item i ON i.cart_id = c.cart_id WHERE c.guest_key = ?",
                ctx.owner().guestKey());
    }

    @Test
    void brandQuestionThenCanIBuyANamedSoldOutProductWritesNothingAndAnswersAboutIt() {
        ChatContext ctx = w.guest();
        AssistantReply brands = w.say(ctx, "which brands do you carry?");
        assertThat(brands.tools()).containsExactly("get_brands");
        assertThat(brands.text()).doesNotContain("Yoga Mat");

        AssistantReply buy = w.say(ctx, "can I still buy " + KIT + "?");
        assertThat(buy.tools()).doesNotContain("add_to_cart");
        assertThat(buy.text()).contains(KIT).contains("sold out");
        assertThat(cartLines(ctx)).isZero();

        AssistantReply stock = w.say(ctx, "is " + KIT + " in stock?");
        assertThat(stock.text()).contains(KIT).contains("sold out").doesNotContain("Yoga");
        assertThat(cartLines(ctx)).isZero();
    }

    @Test
    void aNamedProductBeatsAReferenceToTheListShownBefore() {
        ChatContext ctx = w.guest();
        w.say(ctx, "yoga mat");
        AssistantReply r = w.say(ctx, "tell me about " + KIT);
        assertThat(r.products()).hasSize(1);
        assertThat(r.products().get(0).name()).isEqualTo(KIT);
    }

    @Test
    void aFullNameTypedAloneInAFreshSessionShowsThatProduct() {
        AssistantReply r = w.say(w.guest(), KIT);
        assertThat(r.products()).extracting(p -> p.name()).containsExactly(KIT);
        assertThat(r.text()).contains("sold out").doesNotContain("Which product");
    }

    @Test
    void aNearExactNameInIndonesianFindsTheProductAndAddingASoldOutOneWritesNothing() {
        ChatContext ctx = w.guest();
        AssistantReply r = w.say(ctx, "tambah medika herbal first aid kit ke keranjang");
        assertThat(r.text()).contains(KIT).contains("habis");
        assertThat(cartLines(ctx)).isZero();
    }

    @Test
    void questionsAboutAListedProductReadAndNeverWrite() {
        ChatContext ctx = w.guest();
        w.say(ctx, "headphones");
        for (String q : new String[] {
            "can I buy the first one?",
            "is the second one available?",
            "how much is the third one?",
            "masih ada yang pertama?",
            "bisa dibeli yang kedua?",
            "can I get 2 of the first one?",
            "is there more?"
        }) {
            AssistantReply r = w.say(ctx, q);
            assertThat(r.tools()).as(q).doesNotContain("add_to_cart", "remove_from_cart");
        }
        assertThat(cartLines(ctx)).isZero();
    }

    @Test
    void totalsAreReadFromTheCartInBothLanguages() {
        ChatContext ctx = w.guest();
        w.say(ctx, "coffee beans");
        w.say(ctx, "add the first one");
        assertThat(w.say(ctx, "what's my total").tools()).containsExactly("get_cart");
        AssistantReply id = w.say(ctx, "totalnya berapa");
        assertThat(id.tools()).containsExactly("get_cart");
        assertThat(id.text()).contains("total Rp");
        assertThat(cartLines(ctx)).isEqualTo(1);
    }

    @Test
    void cancelWordsEndAPendingProposalAndKeepTheCart() {
        for (String no : new String[] {"batalin aja", "gak jadi", "never mind"}) {
            ChatContext ctx = w.guest();
            w.say(ctx, "coffee beans");
            w.say(ctx, "add the first one");
            assertThat(w.say(ctx, "clear my cart").action()).isNotNull();
            AssistantReply r = w.say(ctx, no);
            assertThat(r.tools()).as(no).isEmpty();
            assertThat(w.say(ctx, "yes").text()).as(no).doesNotContain("now empty");
            assertThat(cartLines(ctx)).as(no).isEqualTo(1);
        }
    }

    @Test
    void anAddWithALooseNameAsksInsteadOfWritingTheClosestProduct() {
        ChatContext ctx = w.guest();
        AssistantReply r = w.say(ctx, "add carry");
        assertThat(r.tools()).doesNotContain("add_to_cart");
        assertThat(cartLines(ctx)).isZero();
    }

    @Test
    void aNumberInTheNamedProductIsNoQuantityButANumberTypedBeforeTheNameIs() {
        String earbuds = "Sonora Loop 8 Wireless Earbuds - Midnight Black";
        String sql = "SELECT coalesce(sum(i.quantity), 0) FROM tbl_cart c JOIN tbl_cart_item i ON i.cart_id = c.cart_id"
                + " WHERE c.guest_key = ?";
        ChatContext one = w.guest();
        w.say(one, "add " + earbuds);
        assertThat(w.count(sql, one.owner().guestKey())).isEqualTo(1);
        ChatContext two = w.guest();
        w.say(two, "add 2 " + earbuds);
        assertThat(w.count(sql, two.owner().guestKey())).isEqualTo(2);
    }
}
