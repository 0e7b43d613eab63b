package com.shopassist.ai.gemini;

import static com.shopassist.ai.gemini.FakeGemini.Call;
import static com.shopassist.ai.gemini.FakeGemini.Reply;
import static com.shopassist.ai.gemini.Harness.FLASH;
import static org.assertj.core.api.Assertions.assertThat;

import com.shopassist.ai.AssistantChain;
import com.shopassist.ai.TestTools;
import com.shopassist.ai.registry.ToolRegistry;
import com.shopassist.ai.tool.Args;
import com.shopassist.core.cart.CartOwner;
import com.shopassist.core.chat.AssistantReply;
import com.shopassist.core.chat.ChatContext;
import com.shopassist.core.chat.ProposedAction;
import com.shopassist.data.CommerceServices;
import com.shopassist.data.MutableClock;
import com.shopassist.data.chat.MyBatisChatRepository;
import com.shopassist.data.db.Database;
import com.shopassist.data.testing.TestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A proposal waiting for the shopper's yes is kept with the chat session: an app restarted in
 * between (new tool layer, new assistants, same database) still carries it out on "ya", and
 * not after it expired. A "thanks" in between keeps it waiting; any other message ends it.
 */
class PendingProposalsIT {

    static Database db;
    static FakeGemini fake;
    static CommerceServices services;
    static MyBatisChatRepository chats;

    @BeforeAll
    static void up() {
        db = TestDatabase.freshSeeded(4);
        services = CommerceServices.create(db);
        chats = new MyBatisChatRepository(db);
        fake = FakeGemini.start();
    }

    @AfterAll
    static void down() {
        fake.close();
        db.close();
    }

    /** What a start of the app builds: a tool layer, its proposal store and the chain, over the one database. */
    static AssistantChain start(AiSettings settings, Clock clock) {
        ToolRegistry tools = TestTools.over(services, chats, clock);
        return AssistantChain.create(settings, tools, chats, null, clock);
    }

    static ChatContext guestWithAnItemInTheCart() {
        ChatContext ctx = new ChatContext(
                UUID.randomUUID(), CartOwner.guest("kiosk-" + UUID.randomUUID()), null, null, Locale.ENGLISH);
        ToolRegistry tools = TestTools.over(services);
        long id = tools.call(ctx, "search_products", Args.of("query", "drinking bottle", "in_stock_only", true))
                .products()
                .get(0)
                .id();
        assertThat(tools.call(ctx, "add_to_cart", Args.of("product_id", id)).ok())
                .isTrue();
        return ctx;
    }

    @Test
    void anOfflineProposalIsCarriedOutAfterARestart() {
        ChatContext ctx = guestWithAnItemInTheCart();
        MutableClock clock = new MutableClock(Instant.now());
        AssistantReply asked = start(AiSettings.defaults(null), clock).reply(ctx, "kosongkan keranjang");
        assertThat(asked.action()).isNotNull();
        assertThat(asked.action().kind()).isEqualTo(ProposedAction.Kind.CLEAR_CART);

        AssistantReply done = start(AiSettings.defaults(null), clock).reply(ctx, "ya");
        assertThat(done.tools()).containsExactly("clear_cart");
        assertThat(services.carts().cart(ctx.owner()).isEmpty()).isTrue();
    }

    @Test
    void aModelsProposalIsCarriedOutAfterARestart() {
        ChatContext ctx = guestWithAnItemInTheCart();
        MutableClock clock = new MutableClock(Instant.now());
        fake.reset();
        fake.enqueue(FLASH, Reply.calls(Call.of("clear_cart")));
        AssistantReply asked = start(Harness.settings(fake), clock).reply(ctx, "please empty my cart");
        assertThat(asked.assistant()).isEqualTo("gemini-flash");
        assertThat(asked.action()).isNotNull();
        assertThat(services.carts().cart(ctx.owner()).isEmpty()).isFalse();

        AssistantReply done = start(Harness.settings(fake), clock).reply(ctx, "yes");
        assertThat(done.tools()).containsExactly("clear_cart");
        assertThat(services.carts().cart(ctx.owner()).isEmpty()).isTrue();
    }

    @Test
    void aThanksKeepsTheOfflineProposalWaitingForItsYes() {
        ChatContext ctx = guestWithAnItemInTheCart();
        AssistantChain chain = start(AiSettings.defaults(null), Clock.systemUTC());
        assertThat(chain.reply(ctx, "kosongkan keranjang").action()).isNotNull();

        AssistantReply thanks = chain.reply(ctx, "makasih");
        assertThat(thanks.text()).contains("Masih menunggu jawabanmu");
        assertThat(services.carts().cart(ctx.owner()).isEmpty()).isFalse();

        AssistantReply done = chain.reply(ctx, "ya");
        assertThat(done.tools()).containsExactly("clear_cart");
        assertThat(services.carts().cart(ctx.owner()).isEmpty()).isTrue();
    }

    @Test
    void anyOtherMessageEndsTheProposal() {
        ChatContext ctx = guestWithAnItemInTheCart();
        AssistantChain chain = start(AiSettings.defaults(null), Clock.systemUTC());
        assertThat(chain.reply(ctx, "kosongkan keranjang").action()).isNotNull();
        chain.reply(ctx, "cari botol minum");
        assertThat(chain.reply(ctx, "ya").tools()).doesNotContain("clear_cart");
        assertThat(services.carts().cart(ctx.owner()).isEmpty()).isFalse();
    }

    @Test
    void anExpiredProposalIsNotCarriedOutAfterARestart() {
        ChatContext ctx = guestWithAnItemInTheCart();
        MutableClock clock = new MutableClock(Instant.now());
        assertThat(start(AiSettings.defaults(null), clock)
                        .reply(ctx, "kosongkan keranjang")
                        .action())
                .isNotNull();
        clock.advance(Duration.ofMinutes(31));
        AssistantReply late = start(AiSettings.defaults(null), clock).reply(ctx, "ya");
        assertThat(late.tools()).doesNotContain("clear_cart");
        assertThat(services.carts().cart(ctx.owner()).isEmpty()).isFalse();
    }
}
