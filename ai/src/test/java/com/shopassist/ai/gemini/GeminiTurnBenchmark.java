package com.shopassist.ai.gemini;

import static com.shopassist.ai.gemini.FakeGemini.Call;
import static com.shopassist.ai.gemini.FakeGemini.Reply;
import static com.shopassist.ai.gemini.Harness.FLASH;
import static org.assertj.core.api.Assertions.assertThat;

import com.shopassist.ai.AssistantChain;
import com.shopassist.ai.tool.ToolBox;
import com.shopassist.core.cart.CartOwner;
import com.shopassist.core.chat.AssistantReply;
import com.shopassist.core.chat.ChatContext;
import com.shopassist.core.customer.Customer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Not part of the build's test run (surefire excludes *Benchmark*). Run:
 *
 * <pre>
 * ./mvnw -B -o -pl ai -am verify -Dtest=GeminiTurnBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dspotless.skip=true
 * </pre>
 *
 * Prints, and writes to ai/target/gemini-benchmark.txt: (1) input tokens per turn over the
 * scripted purchase (fake Gemini counts about 4 characters a token over system instruction,
 * contents and function declarations); (2) the time the app adds around the model in a turn
 * with two tool calls, against a fake server that answers at once: wall time of reply() minus
 * the time spent inside the fake server, with the real services on a seeded PostgreSQL.
 */
class GeminiTurnBenchmark extends SeededStoreBase {

    static final StringBuilder report = new StringBuilder();

    @AfterAll
    static void down() throws IOException {
        Path out = Path.of("target", "gemini-benchmark.txt");
        Files.writeString(out, report.toString());
        System.out.println(report);
    }

    static ChatContext customer(String email) {
        Customer c = services.customers().lookup(email, 1).get(0);
        return new ChatContext(UUID.randomUUID(), CartOwner.customer(c.id()), c, null, Locale.ENGLISH);
    }

    private static AssistantChain chain(ToolBox t) {
        AiSettings s = Harness.settings(fake).withBudgets(Long.MAX_VALUE / 4, Long.MAX_VALUE / 4, Long.MAX_VALUE / 4);
        return AssistantChain.create(s, t, chats, null, Clock.systemUTC());
    }

    @Test
    void inputTokensPerTurnOverTheScriptedPurchase() {
        fake.reset();
        fake.otherwise(r -> r.systemText().startsWith("Summarise")
                ? PurchaseScript.summary(r)
                : Reply.error(500, "INTERNAL", "unscripted"));
        AssistantChain chain = chain(tools);

        // the size of all 22 declarations as sent, from a request whose words select every group
        fake.enqueue(FLASH, Reply.text("ok"));
        chain.reply(customer("agus@example.com"), "categories stock remove voucher checkout order compare");
        FakeGemini.Recorded everyTool = fake.lastRequest();
        assertThat(everyTool.toolNames()).hasSize(22);
        int all22 = declarationTokens(everyTool);
        fake.reset();
        fake.otherwise(r -> r.systemText().startsWith("Summarise")
                ? PurchaseScript.summary(r)
                : Reply.error(500, "INTERNAL", "unscripted"));

        ChatContext ctx = customer("andi@example.com");
        report.append("Input tokens per turn, scripted purchase (fake Gemini counts ~4 characters a token)\n");
        report.append(String.format(
                "%-42s %5s %7s   %s%n", "turn", "calls", "input", "first call: system + declarations + contents"));
        int total = 0;
        int modelTurns = 0;
        int calls = 0;
        int allToolsTotal = 0;
        for (PurchaseScript.Step step : PurchaseScript.steps()) {
            int before = fake.requests().size();
            fake.enqueue(FLASH, step.replies().toArray(Reply[]::new));
            AssistantReply r = chain.reply(ctx, step.message());
            // the summary call runs after the reply: counted with the turn that caused it
            assertThat(chain.awaitBackgroundWork(java.time.Duration.ofSeconds(10)))
                    .isTrue();
            assertThat(r.tools()).containsExactlyElementsOf(step.expectedTools());
            List<FakeGemini.Recorded> mine =
                    fake.requests().subList(before, fake.requests().size());
            int in = mine.stream().mapToInt(FakeGemini.Recorded::promptTokens).sum();
            for (FakeGemini.Recorded q : mine)
                allToolsTotal +=
                        q.promptTokens() - declarationTokens(q) + (q.toolNames().isEmpty() ? 0 : all22);
            total += in;
            calls += mine.size();
            if (!mine.isEmpty()) modelTurns++;
            String first = "";
            if (!mine.isEmpty()) {
                FakeGemini.Recorded q = mine.get(0);
                int system = FakeGemini.tokens(q.systemText().length());
                int decl = declarationTokens(q);
                first = system + " + " + decl + " + " + (q.promptTokens() - system - decl)
                        + (mine.size() > 1
                                        && mine.get(mine.size() - 1)
                                                .systemText()
                                                .startsWith("Summarise")
                                ? "  (+ summary call)"
                                : "");
            }
            report.append(String.format("%-42s %5d %7d   %s%n", step.message(), mine.size(), in, first));
        }
        int turns = PurchaseScript.steps().size();
        report.append(String.format(
                "total %d input tokens in %d model calls: %.0f per turn that reached the model (%d of %d), %.0f over all %d turns, %.0f per call%n",
                total,
                calls,
                total / (double) modelTurns,
                modelTurns,
                turns,
                total / (double) turns,
                turns,
                total / (double) calls));
        report.append(String.format(
                "the same calls with all 22 declarations every time (no tool routing): %.0f per model turn%n",
                allToolsTotal / (double) modelTurns));
        report.append("system prompt ")
                .append(FakeGemini.tokens(Prompts.load("system.txt").length()))
                .append(" tokens; all 22 declarations ")
                .append(all22)
                .append(" tokens\n\n");
        assertThat(total / (double) modelTurns).isLessThanOrEqualTo(2_000);
    }

    private static int declarationTokens(FakeGemini.Recorded r) {
        int chars = 0;
        for (var t : r.body().path("tools"))
            chars += t.path("functionDeclarations").toString().length();
        return chars == 0 ? 0 : FakeGemini.tokens(chars);
    }

    @Test
    void timeTheAppAddsInATurnWithTwoToolCalls() {
        measure("real services, seeded PostgreSQL", tools, 50, 300);
        measure("stub tools (chat storage still PostgreSQL)", new StubShopTools(), 50, 300);
    }

    private void measure(String label, ToolBox t, int warmup, int runs) {
        fake.reset();
        AssistantChain chain = chain(t);
        ChatContext base = customer("made@example.com");
        long[] app = new long[runs];
        long[] wall = new long[runs];
        for (int i = -warmup; i < runs; i++) {
            ChatContext ctx = new ChatContext(UUID.randomUUID(), base.owner(), base.customer(), null, Locale.ENGLISH);
            fake.enqueue(
                    FLASH,
                    Reply.calls(Call.of("search_products", "query", "headphones", "max_price", 1_500_000)),
                    Reply.dynamicCalls(r -> List.of(Call.of(
                            "get_product_details",
                            "product_id",
                            r.latestResult("search_products")
                                    .path("products")
                                    .get(0)
                                    .path("id")
                                    .asLong(1)))),
                    Reply.dynamicText(r -> "**"
                            + r.latestResult("get_product_details").path("name").asText() + "** - "
                            + com.shopassist.core.money.Money.of(r.latestResult("get_product_details")
                                            .path("price")
                                            .asLong())
                                    .format()));
            long serverBefore = fake.handlingNanos();
            long start = System.nanoTime();
            AssistantReply r = chain.reply(ctx, "show me headphones under 1.5 juta, the first in detail");
            long elapsed = System.nanoTime() - start;
            long server = fake.handlingNanos() - serverBefore;
            assertThat(r.tools()).hasSize(2);
            if (i >= 0) {
                wall[i] = elapsed;
                app[i] = elapsed - server;
            }
        }
        Arrays.sort(app);
        Arrays.sort(wall);
        report.append("Turn with two tool calls (3 model calls), ")
                .append(label)
                .append(", ")
                .append(runs)
                .append(" runs:\n");
        double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                .getSystemLoadAverage();
        report.append(String.format(
                "  app adds: min %.1f ms, median %.1f ms, p95 %.1f ms (wall median %.1f ms, p95 %.1f ms);"
                        + " load average %.1f on %d cores%n%n",
                app[0] / 1e6,
                app[runs / 2] / 1e6,
                app[(int) (runs * 0.95)] / 1e6,
                wall[runs / 2] / 1e6,
                wall[(int) (runs * 0.95)] / 1e6,
                load,
                Runtime.getRuntime().availableProcessors()));
    }
}
