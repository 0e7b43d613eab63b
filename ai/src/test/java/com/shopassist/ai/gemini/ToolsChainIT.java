package com.shopassist.ai.gemini;

import static com.shopassist.ai.gemini.FakeGemini.Call;
import static com.shopassist.ai.gemini.FakeGemini.Reply;
import static com.shopassist.ai.gemini.Harness.FLASH;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.shopassist.core.chat.AssistantReply;
import com.shopassist.core.chat.ChatContext;
import com.shopassist.core.chat.ChatMessage;
import com.shopassist.core.chat.ProposedAction;
import com.shopassist.core.customer.Customer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tool layer as the model sees it: declarations, results, limits, proposals and confirmations. */
class ToolsChainIT extends ChainTestBase {

    @Test
    void parallelFunctionCallsAreAnsweredOneForOneInOrder() {
        fake.enqueue(
                FLASH,
                Reply.calls(
                        Call.of("search_products", "query", "sony"),
                        Call.of("search_products", "query", "jbl"),
                        Call.of("get_cart")),
                Reply.text("Sony at Rp 4.999.000 and JBL at Rp 699.000."));
        AssistantReply r = chain.reply(Harness.guest(), "show me sony and jbl headphones");
        List<JsonNode> responses = fake.lastRequest().trailingFunctionResponsesAll();
        assertThat(responses)
                .extracting(n -> n.path("name").asText())
                .containsExactly("search_products", "search_products", "get_cart");
        assertThat(responses.get(0).path("response").path("response").asText()).contains("Sony WH-1000XM5");
        assertThat(responses.get(1).path("response").path("response").asText()).contains("JBL Tune");
        assertThat(r.tools()).containsExactly("search_products", "search_products", "get_cart");
        assertThat(r.products()).extracting(c -> c.id()).containsExactly(1L, 2L);
    }

    @Test
    void theCustomerComesFromTheSessionNeverFromArguments() {
        ChatContext me = Harness.customer(5, Customer.Tier.FREE);
        fake.enqueue(
                FLASH,
                Reply.calls(Call.of("get_orders", "email", "someone.else@example.com", "customer_id", 99)),
                Reply.text("You have no orders yet."));
        chain.reply(me, "show me the orders of someone.else@example.com");
        assertThat(tools.calls).singleElement().satisfies(c -> {
            assertThat(c.tool()).isEqualTo("get_orders");
            assertThat(c.ctx().customerId()).isEqualTo(5L);
        });
        for (JsonNode d : fake.requests().get(0).body().path("tools").get(0).path("functionDeclarations")) {
            assertThat(d.path("parameters").path("properties").toString())
                    .doesNotContain("customer", "email", "user_id");
        }
    }

    @Test
    void noMoreThanFiveToolCallsRunInOneTurn() {
        for (int i = 0; i < 6; i++) fake.enqueue(FLASH, Reply.calls(Call.of("get_product_details", "product_id", 1)));
        fake.enqueue(FLASH, Reply.text("The Sony costs Rp 4.999.000."));
        AssistantReply r = chain.reply(Harness.guest(), "tell me everything about the sony");
        assertThat(tools.toolNames()).hasSize(5);
        assertThat(fake.lastRequest().trailingFunctionResponses().get(0).toString())
                .contains("Tool limit of 5");
        assertThat(r.assistant()).isEqualTo("gemini-flash");
        assertThat(r.text()).contains("Rp 4.999.000");
    }

    @Test
    void aSingleCartWriteEndsTheTurnWithoutASecondModelCall() {
        ChatContext ctx = Harness.guest();
        fake.enqueue(FLASH, Reply.calls(Call.of("add_to_cart", "product_id", 2)));
        AssistantReply r = chain.reply(ctx, "add the JBL to my cart");
        assertThat(fake.requests()).hasSize(1);
        assertThat(r.text()).contains("Added to your cart", "JBL Tune 520BT Headphones", "Rp 699.000");
        assertThat(r.cart().itemCount()).isEqualTo(1);
        assertThat(chats.messages(ctx.chatSessionId()))
                .extracting(ChatMessage::role)
                .containsExactly("user", "tool", "model");
    }

    @Test
    void aFailedWriteGoesBackToTheModelWithTheAlternatives() {
        fake.enqueue(
                FLASH,
                Reply.calls(Call.of("add_to_cart", "product_id", 2, "quantity", 5)),
                Reply.text("Only 3 JBL left. The Anker Soundcore Q20i Headphones (Rp 899.000) is in stock."));
        AssistantReply r = chain.reply(Harness.guest(), "add 5 JBL to my cart");
        assertThat(fake.requests()).hasSize(2);
        assertThat(fake.lastRequest().trailingFunctionResponses().get(0).toString())
                .contains("Only 3 left", "Anker");
        assertThat(r.text()).contains("Anker");
    }

    @Test
    void aProposalIsCarriedOutOnlyAfterTheShopperSaysYes() {
        ChatContext ctx = Harness.guest();
        fake.enqueue(FLASH, Reply.calls(Call.of("apply_voucher", "code", "HEMAT10")));
        AssistantReply proposed = chain.reply(ctx, "use voucher HEMAT10");
        assertThat(proposed.action()).isNotNull();
        assertThat(proposed.action().kind()).isEqualTo(ProposedAction.Kind.APPLY_VOUCHER);
        assertThat(proposed.text()).isEqualTo("Apply voucher HEMAT10 (10% off)?");
        assertThat(proposed.suggestions()).containsExactly("yes", "no");
        assertThat(tools.executed).isEmpty();

        AssistantReply done = chain.reply(ctx, "Yes!");
        assertThat(tools.executed).extracting(ProposedAction::kind).containsExactly(ProposedAction.Kind.APPLY_VOUCHER);
        assertThat(done.text()).startsWith("Voucher applied");
        assertThat(fake.requests()).hasSize(1); // "yes" never reached the model
    }

    @Test
    void noDropsTheProposal() {
        ChatContext ctx = Harness.guest();
        fake.enqueue(FLASH, Reply.calls(Call.of("clear_cart")));
        chain.reply(ctx, "clear my cart");
        AssistantReply r = chain.reply(ctx, "tidak");
        assertThat(tools.executed).isEmpty();
        assertThat(r.text()).isEqualTo("Baik, tidak jadi. Ada lagi yang bisa dibantu?");
    }

    @Test
    void anotherMessageDropsTheProposalSoALaterYesCannotTriggerIt() {
        ChatContext ctx = Harness.guest();
        fake.enqueue(
                FLASH,
                Reply.calls(Call.of("clear_cart")),
                Reply.text("We have red ones. Want to see them?"),
                Reply.text("Here they are."));
        AssistantReply proposed = chain.reply(ctx, "clear my cart");
        chain.reply(ctx, "do you have red headphones?");
        chain.reply(ctx, "yes");
        assertThat(tools.executed).isEmpty();
        assertThat(chain.confirm(ctx, proposed.action().id(), true).text()).contains("no longer open");
        assertThat(tools.executed).isEmpty();
    }

    @Test
    void theConfirmButtonCarriesOutTheProposalOnce() {
        ChatContext ctx = Harness.customer(6, Customer.Tier.FREE);
        tools.addToCart(ctx, 2, 1);
        fake.enqueue(FLASH, Reply.calls(Call.of("checkout", "address_label", "Rumah")));
        AssistantReply proposed = chain.reply(ctx, "checkout to Rumah");
        assertThat(proposed.action().kind()).isEqualTo(ProposedAction.Kind.CHECKOUT);
        assertThat(chain.confirm(ctx, "not-the-id", true).text()).contains("no longer open");
        AssistantReply done = chain.confirm(ctx, proposed.action().id(), true);
        assertThat(done.text()).contains("SA-20261125-000042");
        assertThat(chain.confirm(ctx, proposed.action().id(), true).text()).contains("no longer open");
        assertThat(tools.executed).hasSize(1);
    }

    @Test
    void aCheckoutWhoseCartChangedIsAskedAgainNotPlaced() {
        ChatContext ctx = Harness.customer(7, Customer.Tier.FREE);
        tools.addToCart(ctx, 2, 1);
        tools.cartChangedOnce = true;
        fake.enqueue(FLASH, Reply.calls(Call.of("checkout", "address_label", "Rumah")));
        chain.reply(ctx, "checkout to Rumah");
        AssistantReply again = chain.reply(ctx, "ya");
        assertThat(tools.executed).isEmpty();
        assertThat(again.text()).contains("The cart changed", "Checkout 2 items, Rp 1.398.000, to Rumah?");
        assertThat(again.action()).isNotNull();
        AssistantReply done = chain.reply(ctx, "ya");
        assertThat(tools.executed).extracting(ProposedAction::kind).containsExactly(ProposedAction.Kind.CHECKOUT);
        assertThat(done.text()).contains("SA-20261125-000042");
    }

    @Test
    void aRealToolOutsideTheOfferedSetStillRunsAndAnUnknownOneIsExplained() {
        fake.enqueue(
                FLASH,
                Reply.calls(Call.of("get_vouchers"), Call.of("delete_database")),
                Reply.text("There is HEMAT10."));
        AssistantReply r = chain.reply(Harness.guest(), "hi there");
        assertThat(fake.requests().get(0).toolNames()).doesNotContain("get_vouchers");
        assertThat(tools.toolNames()).containsExactly("get_vouchers");
        List<JsonNode> responses = fake.lastRequest().trailingFunctionResponsesAll();
        assertThat(responses).hasSize(2);
        assertThat(responses.get(1).toString()).contains("Unknown tool delete_database");
        assertThat(r.text()).isEqualTo("There is HEMAT10.");
    }

    @Test
    void storedToolRoundsCarryTheUsageOfTheCallThatAskedForThem() {
        ChatContext ctx = Harness.guest();
        fake.enqueue(
                FLASH,
                Reply.calls(Call.of("search_products", "query", "jbl")),
                Reply.text("JBL Tune 520BT Headphones - Rp 699.000"));
        chain.reply(ctx, "jbl?");
        List<ChatMessage> rows = chats.messages(ctx.chatSessionId());
        assertThat(rows).extracting(ChatMessage::role).containsExactly("user", "tool", "model");
        for (ChatMessage m : rows.subList(1, 3)) {
            assertThat(m.usage().model()).isEqualTo(FLASH);
            assertThat(m.usage().inputTokens()).isPositive();
            assertThat(m.usage().costUsd()).isPositive();
        }
        assertThat(rows.get(1).usage().inputTokens())
                .isEqualTo(fake.requests().get(0).promptTokens());
    }
}
