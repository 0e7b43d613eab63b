package com.shopassist.ai.gemini;

import static com.shopassist.ai.gemini.FakeGemini.Call;
import static com.shopassist.ai.gemini.FakeGemini.Reply;

import com.fasterxml.jackson.databind.JsonNode;
import com.shopassist.core.money.Money;
import java.util.List;

/**
 * The scripted full purchase: what a model would do, as fake Gemini replies that read the real
 * tool results out of each request (so "the second one" is the id the search really returned).
 * Used by the end-to-end test and by the token and latency benchmark.
 */
final class PurchaseScript {

    /** One shopper message and the model replies it takes (none: the chain settles it alone). */
    record Step(String message, List<Reply> replies, List<String> expectedTools) {}

    static final String VOUCHER = "DISKON5";

    private PurchaseScript() {}

    static List<Step> steps() {
        return List.of(
                new Step(
                        "I'm looking for headphones under 1.5 juta",
                        List.of(
                                Reply.calls(Call.of("search_products", "query", "headphones", "max_price", 1_500_000)),
                                Reply.dynamicText(PurchaseScript::listSearch)),
                        List.of("search_products")),
                new Step(
                        "Tell me more about the second one",
                        List.of(
                                Reply.dynamicCalls(r -> List.of(Call.of(
                                        "get_product_details",
                                        "product_id",
                                        r.latestResult("search_products")
                                                .path("products")
                                                .get(1)
                                                .path("id")
                                                .asLong()))),
                                Reply.dynamicText(PurchaseScript::describe)),
                        List.of("get_product_details")),
                new Step(
                        "Add it to my cart",
                        List.of(Reply.dynamicCalls(r -> List.of(Call.of(
                                "add_to_cart",
                                "product_id",
                                r.latestResult("get_product_details").path("id").asLong(),
                                "quantity",
                                1)))),
                        List.of("add_to_cart")),
                new Step(
                        "Apply voucher " + VOUCHER,
                        List.of(Reply.calls(Call.of("apply_voucher", "code", VOUCHER))),
                        List.of("apply_voucher")),
                new Step("yes", List.of(), List.of("apply_voucher")),
                new Step(
                        "Checkout to my Rumah address",
                        List.of(Reply.calls(Call.of("checkout", "address_label", "Rumah"))),
                        List.of("checkout")),
                new Step("ya", List.of(), List.of("checkout")));
    }

    /** What the scripted model answers to the summary request. */
    static Reply summary(FakeGemini.Recorded r) {
        return Reply.text("Shopper wants headphones under Rp 1.500.000; looked at two; one is in the cart.");
    }

    private static String listSearch(FakeGemini.Recorded r) {
        StringBuilder sb = new StringBuilder("Here are some options:");
        JsonNode products = r.latestResult("search_products").path("products");
        for (int i = 0; i < Math.min(3, products.size()); i++) {
            JsonNode p = products.get(i);
            sb.append("\n- **")
                    .append(p.path("name").asText())
                    .append("** - ")
                    .append(Money.of(p.path("price").asLong()).format())
                    .append(" (")
                    .append(p.path("available").asInt())
                    .append(" in stock)");
        }
        return sb.append("\nWant details on one of them?").toString();
    }

    private static String describe(FakeGemini.Recorded r) {
        JsonNode p = r.latestResult("get_product_details");
        String description = p.path("description").asText();
        int dot = description.indexOf('.');
        return "**" + p.path("name").asText() + "** by " + p.path("brand").asText() + ": "
                + (dot > 0 ? description.substring(0, dot + 1) : description) + "\nPrice "
                + Money.of(p.path("price").asLong()).format() + ", "
                + p.path("available").asInt() + " in stock.";
    }
}
