package com.shopassist.ai.gemini;

import static com.shopassist.ai.gemini.FakeGemini.Call;
import static com.shopassist.ai.gemini.FakeGemini.Pacing;
import static com.shopassist.ai.gemini.FakeGemini.Reply;
import static com.shopassist.ai.gemini.Harness.FLASH;
import static org.assertj.core.api.Assertions.assertThat;

import com.shopassist.ai.AssistantChain;
import com.shopassist.ai.lang.Lang;
import com.shopassist.ai.tool.Args;
import com.shopassist.ai.tool.ToolResult;
import com.shopassist.core.catalog.Product;
import com.shopassist.core.chat.AssistantReply;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Not part of the build's test run (surefire excludes *Benchmark*). Run:
 *
 * <pre>
 * ./mvnw -B -o -pl ai -am verify -Dtest=FirstSentenceBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dspotless.skip=true -Djacoco.skip=true
 * </pre>
 *
 * Prints, and writes to ai/target/first-sentence-benchmark.txt, how long after the model's first
 * token the shopper's listener gets the first checked sentence, over the real client and the fake
 * Gemini's SSE, with real services on a seeded PostgreSQL: a search, then an answer streamed in
 * chunks of four words {@value #GAP_MS} ms apart (about Gemini Flash's pace). "first token" is
 * when the fake wrote its first chunk, so the numbers include the loopback and the client's
 * parsing. "after its end" is from the chunk that completed the sentence (the first one holding a
 * character after its full stop) to the listener: what sentence-by-sentence checking costs.
 * Then the check alone: a five-sentence answer checked whole, per sentence.
 */
class FirstSentenceBenchmark extends SeededStoreBase {

    static final long GAP_MS = 25;
    static final StringBuilder report = new StringBuilder();

    @AfterAll
    static void down() throws IOException {
        report.append("load average (cat /proc/loadavg): ")
                .append(Files.readString(Path.of("/proc/loadavg")).strip())
                .append(" on ")
                .append(Runtime.getRuntime().availableProcessors())
                .append(" cores\n");
        report.append("rerun: ./mvnw -B -o -pl ai -am verify -Dtest=FirstSentenceBenchmark"
                + " -Dsurefire.failIfNoSpecifiedTests=false -Dspotless.skip=true -Djacoco.skip=true\n");
        Files.writeString(Path.of("target", "first-sentence-benchmark.txt"), report.toString());
        System.out.println(report);
    }

    private static List<Product> headphones() {
        ToolResult r = tools.call(Harness.guest(), "search_products", Args.of("query", "headphones"));
        assertThat(r.products()).hasSizeGreaterThanOrEqualTo(2);
        return r.products();
    }

    @Test
    void timeFromTheFirstTokenToTheFirstShownSentence() {
        List<Product> ps = headphones();
        Product a = ps.get(0);
        Product b = ps.get(1);
        String rest = " It has a comfortable fit and long battery life. The " + b.name() + " is "
                + b.price().format() + " if you want another choice. Shall I add one to your cart?";
        measure(
                "short first sentence, right price",
                "The " + a.name() + " costs " + a.price().format() + ".",
                rest,
                20,
                60);
        measure(
                "short first sentence, price of another product (corrected)",
                "The " + a.name() + " costs " + b.price().format() + ".",
                rest,
                20,
                60);
        measure(
                "long first sentence (30 words)",
                "I looked through the headphones we carry today and the one that fits what you asked for best, with"
                        + " good sound and a fair price, is the " + a.name() + " at "
                        + a.price().format() + ".",
                rest,
                20,
                60);
    }

    private void measure(String label, String first, String rest, int warmup, int runs) {
        fake.reset();
        // a long timeout: on a loaded machine a slow call must not fail over and spoil the numbers
        AiSettings s = Harness.settings(fake)
                .withTimeout(java.time.Duration.ofSeconds(10))
                .withBudgets(Long.MAX_VALUE / 4, Long.MAX_VALUE / 4, Long.MAX_VALUE / 4);
        AssistantChain chain = AssistantChain.create(s, tools, chats, null, Clock.systemUTC());
        List<String> pieces = fourWords(first + rest);
        int completing = completingPiece(pieces, first.length());
        long[] fromFirst = new long[runs];
        long[] fromEnd = new long[runs];
        for (int i = -warmup; i < runs; i++) {
            Pacing pacing = Pacing.of(GAP_MS, pieces);
            fake.enqueue(FLASH, Reply.calls(Call.of("search_products", "query", "headphones")), Reply.streamed(pacing));
            AtomicLong shownAt = new AtomicLong();
            AssistantReply r = chain.reply(
                    Harness.guest(), "which headphones do you have?", t -> shownAt.compareAndSet(0, System.nanoTime()));
            assertThat(r.assistant()).isEqualTo("gemini-flash");
            assertThat(shownAt.get()).isPositive();
            if (i < 0) continue;
            List<Long> sent = pacing.sent();
            fromFirst[i] = shownAt.get() - sent.get(0);
            fromEnd[i] = shownAt.get() - sent.get(completing);
        }
        Arrays.sort(fromFirst);
        Arrays.sort(fromEnd);
        report.append(String.format(
                "%s (%d chunks, the first sentence ends in chunk %d, %d ms apart), %d runs:%n"
                        + "  first token -> first shown sentence: median %.1f ms, p95 %.1f ms, max %.1f ms%n"
                        + "  sentence complete -> shown (split + check + listener): median %.2f ms, p95 %.2f ms, max %.2f ms%n",
                label,
                pieces.size(),
                completing + 1,
                GAP_MS,
                runs,
                fromFirst[runs / 2] / 1e6,
                fromFirst[(int) (runs * 0.95)] / 1e6,
                fromFirst[runs - 1] / 1e6,
                fromEnd[runs / 2] / 1e6,
                fromEnd[(int) (runs * 0.95)] / 1e6,
                fromEnd[runs - 1] / 1e6));
    }

    @Test
    void theCheckAloneAnswerBySentence() {
        List<Product> ps = headphones();
        List<ToolResult> results = List.of(new ToolResult("search_products", true, "{}", ps, null, null, null));
        Product a = ps.get(0);
        Product b = ps.get(1);
        String answer = "I found " + ps.size() + " headphones. The " + a.name() + " costs "
                + b.price().format()
                + " and has only 3 left. The " + b.name() + " is " + b.price().format()
                + ". Ada juga pilihan 1,25 juta."
                + " Shall I add one?";
        ReplyValidator v = new ReplyValidator();
        for (int i = 0; i < 2_000; i++) v.check(answer, results, "headphones", Lang.EN);
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        int n = 20_000;
        long cpu = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) v.check(answer, results, "headphones", Lang.EN);
        double wall = (System.nanoTime() - start) / 1e3 / n;
        double onCpu = (threads.getCurrentThreadCpuTime() - cpu) / 1e3 / n;
        report.append(String.format(
                "check alone: a 5-sentence answer against %d products, %d times: %.1f us CPU per answer (%.1f us a"
                        + " sentence), %.1f us wall%n",
                ps.size(), n, onCpu, onCpu / 5, wall));
    }

    /** The text in pieces of four words, each with the space after it. */
    static List<String> fourWords(String text) {
        List<String> out = new ArrayList<>();
        String[] words = text.split("(?<= )");
        for (int i = 0; i < words.length; i += 4)
            out.add(String.join("", Arrays.asList(words).subList(i, Math.min(words.length, i + 4))));
        return out;
    }

    /** The piece that holds the first character after the first sentence's end. */
    static int completingPiece(List<String> pieces, int firstLength) {
        int total = 0;
        for (int i = 0; i < pieces.size(); i++) {
            total += pieces.get(i).length();
            if (total > firstLength) return i;
        }
        return pieces.size() - 1;
    }
}
