package com.shopassist.ai.gemini;

import static com.shopassist.ai.gemini.FakeGemini.Call;
import static com.shopassist.ai.gemini.FakeGemini.Reply;
import static com.shopassist.ai.gemini.Harness.FLASH;
import static com.shopassist.ai.gemini.Harness.PRO;
import static org.assertj.core.api.Assertions.assertThat;

import com.shopassist.ai.AssistantChain;
import com.shopassist.ai.registry.ToolRegistry;
import com.shopassist.core.chat.AssistantReply;
import com.shopassist.core.chat.ChatContext;
import com.shopassist.core.chat.ShoppingAssistant;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Every failure of the model path still ends in an answer, from the next layer, quickly. */
class FallbackChainIT extends ChainTestBase {

    @Test
    void flashAnswersByDefaultWithTheKeyAndTheSessionsToolsNotTheRest() {
        fake.enqueue(FLASH, Reply.text("Hello! What are you looking for?"));
        AssistantReply r = chain.reply(Harness.guest(), "hello");
        assertThat(r.assistant()).isEqualTo("gemini-flash");
        assertThat(r.text()).isEqualTo("Hello! What are you looking for?");
        FakeGemini.Recorded req = fake.lastRequest();
        assertThat(req.apiKey()).isEqualTo("test-key");
        assertThat(req.model()).isEqualTo(FLASH);
        assertThat(req.toolNames())
                .containsExactlyElementsOf(new ToolRouter(ToolRegistry.SPECS, ToolRegistry.ROUTES).core());
        assertThat(req.systemText())
                .contains("# Persona", "# Capabilities", "# Guidelines", "# Formats", "# Scenarios");
    }

    @Test
    void rateLimitOnFlashIsAnsweredByProWithinASecond() {
        fake.enqueue(FLASH, Reply.error(429, "RESOURCE_EXHAUSTED", "quota"));
        fake.enqueue(PRO, Reply.text("Pro here."));
        long start = System.nanoTime();
        AssistantReply r = chain.reply(Harness.guest(), "hello");
        assertThat(r.assistant()).isEqualTo("gemini-pro");
        assertThat(r.text()).isEqualTo("Pro here.");
        List<FakeGemini.Recorded> reqs = fake.requests();
        assertThat(reqs).extracting(FakeGemini.Recorded::model).containsExactly(FLASH, PRO);
        long gapMillis = (reqs.get(1).arrivedNanos() - reqs.get(0).arrivedNanos()) / 1_000_000;
        assertThat(gapMillis).as("fallback start after the 429").isLessThan(1000);
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(3000);
    }

    @Test
    void serverErrorsOnBothModelsEndInTheOfflineLayer() {
        fake.enqueue(FLASH, Reply.error(503, "UNAVAILABLE", "overloaded"));
        fake.enqueue(PRO, Reply.error(503, "UNAVAILABLE", "overloaded"));
        AssistantReply r = chain.reply(Harness.guest(), "search headphones");
        assertThat(r.assistant()).isEqualTo("offline");
        assertThat(r.products()).isNotEmpty();
        assertThat(fake.requests()).hasSize(2);
    }

    @Test
    void whenTheOfflineLayerFailsTooTheGracefulMessageHasSuggestions() {
        ShoppingAssistant broken = new ShoppingAssistant() {
            @Override
            public AssistantReply reply(ChatContext ctx, String message) {
                throw new IllegalStateException("offline layer down");
            }

            @Override
            public AssistantReply confirm(ChatContext ctx, String actionId, boolean accept) {
                throw new IllegalStateException("offline layer down");
            }
        };
        AssistantChain c = Harness.chain(Harness.settings(fake), tools, chats, broken);
        fake.enqueue(FLASH, Reply.error(503, "UNAVAILABLE", "overloaded"));
        fake.enqueue(PRO, Reply.error(500, "INTERNAL", "boom"));
        AssistantReply r = c.reply(Harness.guest(), "tell me something nice");
        assertThat(r.assistant()).isEqualTo("fallback");
        assertThat(r.text()).contains("search");
        assertThat(r.suggestions()).containsExactly("search headphones", "view cart", "help");
    }

    @Test
    void theOfflineAssistantAnswersWhatTheModelsCouldNot() {
        fake.enqueue(FLASH, Reply.error(503, "UNAVAILABLE", "overloaded"));
        fake.enqueue(PRO, Reply.error(500, "INTERNAL", "boom"));
        AssistantReply r = chain.reply(Harness.guest(), "tell me something nice");
        assertThat(r.assistant()).isEqualTo("offline");
        assertThat(r.text()).isNotBlank();
    }

    @Test
    void aReadTimeoutOnFlashFallsBackToPro() {
        fake.enqueue(FLASH, Reply.text("too late").delayed(Harness.STALL_MILLIS));
        fake.enqueue(PRO, Reply.text("Pro answered."));
        AssistantReply r = withShortTimeout().reply(Harness.guest(), "hello");
        assertThat(r.assistant()).isEqualTo("gemini-pro");
        assertThat(r.text()).isEqualTo("Pro answered.");
    }

    @Test
    void connectionRefusedEndsOffline() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        AssistantChain c = Harness.chain(
                Harness.settings(fake).withBaseUrl("http://127.0.0.1:" + closedPort + "/v1beta"), tools, chats, null);
        long start = System.nanoTime();
        AssistantReply r = c.reply(Harness.guest(), "cart");
        assertThat(r.assistant()).isEqualTo("offline");
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2000);
    }

    @Test
    void malformedRepliesOfEveryKnownShapeFallBack() {
        List<Reply> bad = List.of(
                Reply.raw(
                        "{\"candidates\": [], \"usageMetadata\": {\"promptTokenCount\": 1, \"candidatesTokenCount\": 0, \"totalTokenCount\": 1}}"),
                Reply.raw("{\"promptFeedback\": {\"blockReason\": \"SAFETY\"}}"),
                Reply.text("no usage here").withoutUsage(),
                Reply.safetyBlock(),
                Reply.raw("{this is not json"));
        for (Reply b : bad) {
            fake.reset();
            fake.enqueue(FLASH, b);
            fake.enqueue(PRO, Reply.text("Recovered."));
            AssistantReply r = chain.reply(Harness.guest(), "hello");
            assertThat(r.assistant()).as(b.raw() == null ? b.finish() : b.raw()).isEqualTo("gemini-pro");
            assertThat(r.text()).isEqualTo("Recovered.");
        }
    }

    @Test
    void aSafetyStopOnBothModelsStillGetsAnAnswer() {
        fake.enqueue(FLASH, Reply.safetyBlock());
        fake.enqueue(PRO, Reply.safetyBlock());
        AssistantReply r = chain.reply(Harness.guest(), "something odd");
        assertThat(r.text()).isNotBlank();
        assertThat(r.assistant()).isIn("offline", "fallback");
    }

    @Test
    void streamingHandsOutSentencesAsTheyArrive() {
        fake.enqueue(FLASH, Reply.text("Here are some headphones. Want one today?"));
        List<String> tokens = new CopyOnWriteArrayList<>();
        AssistantReply r = chain.reply(Harness.guest(), "hello", tokens::add);
        assertThat(tokens).containsExactly("Here are some headphones.", " Want one today?");
        assertThat(r.text()).isEqualTo("Here are some headphones. Want one today?");
        assertThat(fake.lastRequest().stream()).isTrue();
    }

    @Test
    void streamingATurnEndedByACartWriteHandsOutItsComposedText() {
        fake.enqueue(FLASH, Reply.calls(Call.of("add_to_cart", "product_id", 4)));
        List<String> tokens = new CopyOnWriteArrayList<>();
        AssistantReply r = chain.reply(Harness.guest(), "add the Anker to my cart", tokens::add);
        assertThat(r.text()).startsWith("Added to your cart.");
        assertThat(tokens).containsExactly(r.text());
        assertThat(fake.lastRequest().stream()).isTrue();
    }

    @Test
    void streamingFallsBackBeforeTheFirstToken() {
        fake.enqueue(FLASH, Reply.error(429, "RESOURCE_EXHAUSTED", "quota"));
        fake.enqueue(PRO, Reply.raw("{\"candidates\": []}"));
        List<String> tokens = new ArrayList<>();
        AssistantReply r = chain.reply(Harness.guest(), "cart", tokens::add);
        assertThat(r.assistant()).isEqualTo("offline");
        assertThat(String.join("", tokens)).isEqualTo(r.text());
    }

    @Test
    void streamingAStalledReplyFallsBack() {
        fake.enqueue(FLASH, Reply.text("slow").delayed(Harness.STALL_MILLIS));
        fake.enqueue(PRO, Reply.text("Pro streamed."));
        List<String> tokens = new ArrayList<>();
        AssistantReply r = withShortTimeout().reply(Harness.guest(), "hello", tokens::add);
        assertThat(r.assistant()).isEqualTo("gemini-pro");
        assertThat(String.join("", tokens)).isEqualTo("Pro streamed.");
    }

    @Test
    void complexAsksGoToProFirst() {
        fake.enqueue(PRO, Reply.text("Let me compare."));
        AssistantReply r = chain.reply(Harness.guest(), "compare the Sony and the JBL");
        assertThat(r.assistant()).isEqualTo("gemini-pro");
        assertThat(fake.requests()).extracting(FakeGemini.Recorded::model).containsExactly(PRO);
        assertThat(fake.lastRequest().toolNames()).contains("compare_products");
    }

    @Test
    void aWriteTheFirstModelMadeIsNotRepeatedByTheFallback() {
        ChatContext ctx = Harness.guest();
        fake.enqueue(
                FLASH,
                Reply.calls(Call.of("add_to_cart", "product_id", 2, "quantity", 1)),
                Reply.error(503, "UNAVAILABLE", "x"));
        fake.enqueue(
                PRO, Reply.calls(Call.of("add_to_cart", "product_id", 2, "quantity", 1)), Reply.text("Added the JBL."));
        // "and" makes it a two-step ask, so the add does not end the turn by itself
        AssistantReply r = chain.reply(ctx, "add the JBL and tell me the total");
        assertThat(r.assistant()).isEqualTo("gemini-pro");
        assertThat(tools.cart(ctx.owner()).lines())
                .singleElement()
                .satisfies(l -> assertThat(l.quantity()).isEqualTo(1));
        assertThat(tools.toolNames()).containsExactly("add_to_cart");
    }

    @Test
    void aWriteMadeBeforeBothModelsFailedIsReportedNotMadeAgainOffline() {
        ChatContext ctx = Harness.guest();
        fake.enqueue(
                FLASH,
                Reply.calls(Call.of("add_to_cart", "product_id", 2, "quantity", 1)),
                Reply.error(503, "UNAVAILABLE", "x"));
        fake.enqueue(PRO, Reply.error(503, "UNAVAILABLE", "x"));
        AssistantReply r = chain.reply(ctx, "add the JBL and tell me the total");
        assertThat(tools.cart(ctx.owner()).lines())
                .singleElement()
                .satisfies(l -> assertThat(l.quantity()).isEqualTo(1));
        assertThat(tools.toolNames()).containsExactly("add_to_cart");
        assertThat(r.assistant()).isEqualTo("fallback");
        assertThat(r.text()).startsWith("Added to your cart.").contains("please ask again");
        assertThat(r.cart()).isNotNull();
    }

    private AssistantChain withShortTimeout() {
        return Harness.chain(Harness.settings(fake).withTimeout(Harness.SHORT_TIMEOUT), tools, chats, null);
    }
}
