package com.shopassist.ai.gemini;

import static com.shopassist.ai.gemini.FakeGemini.Reply;
import static com.shopassist.ai.gemini.Harness.FLASH;
import static org.assertj.core.api.Assertions.assertThat;

import com.shopassist.core.chat.AssistantReply;
import com.shopassist.core.chat.ChatContext;
import com.shopassist.core.chat.TokenUsage;
import com.shopassist.core.customer.Customer;
import java.math.BigDecimal;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Daily token budgets per tier: a guest is asked to sign in, FREE is told, PREMIUM goes offline. */
class BudgetChainIT extends ChainTestBase {

    @Override
    AiSettings settings() {
        return Harness.settings(fake).withBudgets(3_000, 5_000, 8_000);
    }

    /** Tokens already spent today, in another session of the same customer or kiosk guest. */
    private static void spent(ChatContext ctx, int tokens) {
        UUID earlier = UUID.randomUUID();
        chats.ensureSession(earlier, ctx.customerId(), ctx.owner().guestKey());
        chats.append(earlier, "model", "earlier", new TokenUsage(FLASH, tokens, 0, BigDecimal.ZERO));
    }

    @Test
    void underBudgetGeminiAnswers() {
        ChatContext ctx = Harness.customer(1, Customer.Tier.FREE);
        spent(ctx, 3_900);
        fake.enqueue(FLASH, Reply.text("Hi!"));
        assertThat(chain.reply(ctx, "hello").assistant()).isEqualTo("gemini-flash");
    }

    @Test
    void aGuestOverBudgetIsAskedToSignIn() {
        ChatContext ctx = Harness.guest();
        spent(ctx, 2_500);
        AssistantReply r = chain.reply(ctx, "search sony");
        assertThat(r.text()).contains("sign in");
        assertThat(r.suggestions()).contains("Sign in");
        assertThat(fake.requests()).isEmpty();
    }

    @Test
    void aFreeCustomerOverBudgetIsToldTheLimit() {
        ChatContext ctx = Harness.customer(2, Customer.Tier.FREE);
        spent(ctx, 4_500);
        AssistantReply r = chain.reply(ctx, "search sony");
        assertThat(r.text()).contains("today's assistant limit");
        assertThat(fake.requests()).isEmpty();
    }

    @Test
    void aPremiumCustomerOverBudgetIsServedOffline() {
        ChatContext ctx = Harness.customer(3, Customer.Tier.PREMIUM);
        spent(ctx, 7_500);
        AssistantReply r = chain.reply(ctx, "search sony");
        assertThat(r.assistant()).isEqualTo("offline");
        assertThat(r.products()).extracting(c -> c.id()).contains(1L);
        assertThat(fake.requests()).isEmpty();
    }

    @Test
    void turnsOfTheDayAddUpUntilTheBudgetStopsThem() {
        ChatContext ctx = Harness.customer(4, Customer.Tier.FREE);
        int turns = 0;
        fake.otherwise(r -> Reply.text("Here you go."));
        while (turns < 50
                && "gemini-flash".equals(chain.reply(ctx, "hello " + turns).assistant())) turns++;
        assertThat(turns).isBetween(2, 49);
        long used = chats.tokensUsedSince(4L, null, java.time.Instant.now().minusSeconds(3600));
        assertThat(used).isGreaterThan(5_000 - Budget.TURN_ESTIMATE_TOKENS);
        assertThat(fake.requests().stream().filter(q -> q.systemText().startsWith("# Persona")))
                .hasSize(turns);
    }
}
