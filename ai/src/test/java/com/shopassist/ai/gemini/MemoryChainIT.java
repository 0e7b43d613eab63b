package com.shopassist.ai.gemini;

import static com.shopassist.ai.gemini.FakeGemini.Call;
import static com.shopassist.ai.gemini.FakeGemini.Reply;
import static com.shopassist.ai.gemini.Harness.FLASH;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.shopassist.ai.AssistantChain;
import com.shopassist.core.chat.AssistantReply;
import com.shopassist.core.chat.ChatContext;
import com.shopassist.core.chat.ChatMessage;
import com.shopassist.core.customer.Customer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The recent window, the summary of older turns, and sessions that are listed, resumed and deleted. */
class MemoryChainIT extends ChainTestBase {

    static final Duration SUMMARY_WAIT = Duration.ofSeconds(10);

    @AfterEach
    void summariesOfThisTestAreWritten() {
        // a summary call still on its way would otherwise reach the next test's fake
        assertThat(chain.awaitBackgroundWork(SUMMARY_WAIT)).isTrue();
    }

    @BeforeEach
    void summariesAnswerUnscriptedRequests() {
        // summary requests are recognised by their instruction; everything else follows the script
        fake.otherwise(r -> r.systemText().startsWith("Summarise this shop chat")
                ? Reply.text("SUMMARY: shopper likes Sony headphones (id 1, Rp 4.999.000); cart empty.")
                : Reply.error(500, "INTERNAL", "unscripted"));
    }

    private static List<JsonNode> contents(FakeGemini.Recorded r) {
        List<JsonNode> out = new java.util.ArrayList<>();
        r.contents().forEach(out::add);
        return out;
    }

    @Test
    void olderTurnsAreSummarisedByTheCheapModelOnceTheWindowIsFull() {
        ChatContext ctx = Harness.guest();
        for (int i = 1; i <= 5; i++) {
            fake.enqueue(FLASH, Reply.text("answer " + i));
            chain.reply(ctx, "question " + i);
        }
        assertThat(chain.awaitBackgroundWork(SUMMARY_WAIT)).isTrue();
        assertThat(chats.summary(ctx.chatSessionId()))
                .as("10 messages fit the window")
                .isEmpty();

        fake.enqueue(FLASH, Reply.text("answer 6"));
        chain.reply(ctx, "question 6");
        assertThat(chain.awaitBackgroundWork(SUMMARY_WAIT)).isTrue();
        assertThat(chats.summary(ctx.chatSessionId()))
                .contains("SUMMARY: shopper likes Sony headphones (id 1, Rp 4.999.000); cart empty.");
        FakeGemini.Recorded summaryCall = fake.lastRequest();
        assertThat(summaryCall.model()).isEqualTo(FLASH);
        assertThat(summaryCall.lastUserText())
                .contains("Shopper: question 1", "Assistant: answer 1")
                .doesNotContain("question 6");
        assertThat(summaryCall.toolNames()).isEmpty();

        fake.enqueue(FLASH, Reply.text("answer 7"));
        chain.reply(ctx, "question 7");
        FakeGemini.Recorded next = fake.requests().get(fake.requests().size() - 1);
        assertThat(next.systemText()).contains("# Earlier in this chat", "SUMMARY: shopper likes Sony");
        assertThat(next.everything()).doesNotContain("question 1\"").contains("question 6", "question 7");
        assertThat(next.contents().size()).isLessThanOrEqualTo(11); // window of 10 + this message
        // the summary's own tokens are recorded, so they count against the budget
        assertThat(chats.messages(ctx.chatSessionId())).anySatisfy(m -> {
            assertThat(m.role()).isEqualTo("system");
            assertThat(m.usage().model()).isEqualTo(FLASH);
        });
    }

    @Test
    void theReplyDoesNotWaitForTheSummaryCall() {
        ChatContext ctx = Harness.guest();
        for (int i = 1; i <= 5; i++) {
            fake.enqueue(FLASH, Reply.text("answer " + i));
            chain.reply(ctx, "question " + i);
        }
        fake.otherwise(r -> r.systemText().startsWith("Summarise this shop chat")
                ? Reply.text("SUMMARY: slow to write.").delayed(1_000)
                : Reply.error(500, "INTERNAL", "unscripted"));
        fake.enqueue(FLASH, Reply.text("answer 6"));
        long start = System.nanoTime();
        AssistantReply r = chain.reply(ctx, "question 6");
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertThat(r.text()).isEqualTo("answer 6");
        assertThat(ms).as("the reply came before the 1 s summary call ended").isLessThan(900);
        assertThat(chain.awaitBackgroundWork(SUMMARY_WAIT)).isTrue();
        assertThat(chats.summary(ctx.chatSessionId())).contains("SUMMARY: slow to write.");
    }

    @Test
    void aQuickAnswerDuringTheSummaryCallDoesNotSummariseTheSameMessagesAgain() {
        ChatContext ctx = Harness.guest();
        fake.otherwise(r -> r.systemText().startsWith("Summarise this shop chat")
                ? Reply.text("SUMMARY: written once.").delayed(1_000)
                : Reply.text("ok"));
        for (int i = 1; i <= 6; i++) chain.reply(ctx, "question " + i);
        // the window overflowed: a summary call runs after that reply; this turn reads its history
        // while the call is still on its way
        chain.reply(ctx, "question 7");
        assertThat(chain.awaitBackgroundWork(SUMMARY_WAIT)).isTrue();
        assertThat(fake.requests().stream().filter(r -> r.systemText().startsWith("Summarise this shop chat")))
                .hasSize(1);
        assertThat(chats.summary(ctx.chatSessionId())).contains("SUMMARY: written once.");
    }

    @Test
    void aFailedSummaryCallLeavesAPlainSummaryAndTheReplyUntouched() {
        ChatContext ctx = Harness.guest();
        fake.otherwise(r -> Reply.error(500, "INTERNAL", "summaries are down"));
        for (int i = 1; i <= 6; i++) {
            fake.enqueue(FLASH, Reply.text("answer " + i));
            assertThat(chain.reply(ctx, "question " + i).text()).isEqualTo("answer " + i);
        }
        assertThat(chain.awaitBackgroundWork(SUMMARY_WAIT)).isTrue();
        assertThat(chats.summary(ctx.chatSessionId()))
                .hasValueSatisfying(s -> assertThat(s).contains("Shopper asked", "question"));
    }

    @Test
    void theWindowNeverStartsInTheMiddleOfAToolTurn() {
        ChatContext ctx = Harness.customer(30, Customer.Tier.PREMIUM);
        // turns of 4 stored rows each (user, tool, tool, model): a 10-row cut would split one
        for (int i = 1; i <= 4; i++) {
            fake.enqueue(
                    FLASH,
                    Reply.calls(Call.of("search_products", "query", "sony")),
                    Reply.calls(Call.of("get_product_details", "product_id", 1)),
                    Reply.text("Sony WH-1000XM5 Wireless Headphones - Rp 4.999.000, turn " + i));
            chain.reply(ctx, "sony please " + i);
            // the summary call runs after the reply: let it take its answer before the next turn's are queued
            assertThat(chain.awaitBackgroundWork(SUMMARY_WAIT)).isTrue();
        }
        fake.enqueue(FLASH, Reply.text("ok"));
        AssistantReply thanks = chain.reply(ctx, "thanks");
        assertThat(thanks.assistant()).isEqualTo("gemini-flash");
        assertThat(thanks.text()).isEqualTo("ok");
        FakeGemini.Recorded last = fake.requests().stream()
                .filter(r -> r.systemText().startsWith("# Persona"))
                .reduce((a, b) -> b)
                .orElseThrow();
        List<JsonNode> contents = contents(last);
        assertThat(contents.get(0).path("role").asText()).isEqualTo("user");
        assertThat(contents.get(0).path("parts").get(0).has("text")).isTrue();
        int calls = 0;
        int responses = 0;
        for (JsonNode c : contents) {
            for (JsonNode p : c.path("parts")) {
                if (p.has("functionCall")) calls++;
                if (p.has("functionResponse")) responses++;
            }
        }
        assertThat(calls).isEqualTo(responses).isPositive();
    }

    @Test
    void aResumedSessionKeepsItsContextAcrossARestart() {
        ChatContext ctx = Harness.customer(31, Customer.Tier.FREE);
        fake.enqueue(
                FLASH,
                Reply.calls(Call.of("search_products", "query", "jbl")),
                Reply.text("JBL Tune 520BT Headphones - Rp 699.000"));
        chain.reply(ctx, "I want JBL headphones");

        AssistantChain restarted = Harness.chain(Harness.settings(fake), tools, chats, null);
        fake.enqueue(FLASH, Reply.text("Yes, the JBL is Rp 699.000."));
        AssistantReply r = restarted.reply(Harness.again(ctx), "is it still that price?");
        assertThat(r.text()).contains("Rp 699.000");
        String sent = fake.lastRequest().everything();
        assertThat(sent)
                .contains("I want JBL headphones", "functionCall", "search_products", "JBL Tune 520BT Headphones");

        assertThat(restarted.sessions(ctx, 10)).extracting(s -> s.id()).contains(ctx.chatSessionId());
        assertThat(restarted.sessions(ctx, 10).get(0).title()).isEqualTo("I want JBL headphones");
        assertThat(restarted.transcript(ctx, ctx.chatSessionId()))
                .extracting(ChatMessage::role)
                .containsExactly("user", "model", "user", "model");
    }

    @Test
    void anotherCustomerCanNeitherReadNorDeleteNorContinueASession() {
        ChatContext owner = Harness.customer(41, Customer.Tier.FREE);
        fake.enqueue(FLASH, Reply.text("Hi 41"));
        chain.reply(owner, "hello, I live at Jl. Melati 5");
        ChatContext intruder = new ChatContext(
                owner.chatSessionId(),
                com.shopassist.core.cart.CartOwner.customer(42),
                Harness.customer(42, Customer.Tier.FREE).customer(),
                null,
                java.util.Locale.ENGLISH);

        assertThat(chain.transcript(intruder, owner.chatSessionId())).isEmpty();
        assertThat(chain.deleteSession(intruder, owner.chatSessionId())).isFalse();
        AssistantReply r = chain.reply(intruder, "what is my address?");
        assertThat(r.text()).contains("belongs to another account");
        assertThat(fake.requests()).hasSize(1);

        assertThat(chain.deleteSession(owner, owner.chatSessionId())).isTrue();
        assertThat(chats.session(owner.chatSessionId())).isEmpty();
    }

    @Test
    void withoutAKeyTheSummaryIsWrittenDeterministically() {
        AssistantChain offline = Harness.chain(AiSettings.defaults(null), tools, chats, null);
        ChatContext ctx = Harness.guest();
        for (int i = 0; i < 6; i++) {
            AssistantReply r = offline.reply(ctx, i % 2 == 0 ? "search sony" : "cart");
            assertThat(r.assistant()).isEqualTo("offline");
        }
        assertThat(offline.awaitBackgroundWork(SUMMARY_WAIT)).isTrue();
        assertThat(chats.summary(ctx.chatSessionId()))
                .hasValueSatisfying(s -> assertThat(s).contains("Shopper asked", "search sony"));
        assertThat(fake.requests()).isEmpty();
        assertThat(chats.messages(ctx.chatSessionId())).noneMatch(m -> m.usage() != null);
    }
}
