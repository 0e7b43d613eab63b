package com.shopassist.app.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import com.shopassist.ai.AssistantChain;
import com.shopassist.ai.TestTools;
import com.shopassist.ai.gemini.AiSettings;
import com.shopassist.ai.gemini.Oversight;
import com.shopassist.ai.offline.OfflineAssistant;
import com.shopassist.ai.tool.MeteredToolBox;
import com.shopassist.ai.tool.ToolBox;
import com.shopassist.core.cart.CartOwner;
import com.shopassist.core.chat.ChatContext;
import com.shopassist.data.CommerceServices;
import com.shopassist.data.chat.MyBatisChatRepository;
import com.shopassist.data.db.Database;
import com.shopassist.data.testing.TestDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * What the JSON log line, the redaction and the meters add to one offline turn (the whole chain:
 * history read, offline assistant, tools, database, the turn stored). "before": no meters kept
 * and the turn line off; "after": meters in a registry, tools counted, the turn line written
 * through the real file encoder with redaction. Rounds alternate so load drift hits both. Not
 * part of the build; run:
 *
 * <pre>
 * ./mvnw -B -o -pl app -am verify -Dtest=ObservabilityBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dspotless.skip=true -Djacoco.skip=true
 * </pre>
 */
class ObservabilityBenchmark {

    static final List<String> ASKS = List.of(
            "headphones under 500k",
            "the second one",
            "is it in stock?",
            "add it to my cart",
            "sepatu lari di bawah 1 juta",
            "tambah yang pertama",
            "lihat keranjang",
            "kirim ke Jl. Sudirman No. 5, email budi@example.com",
            "what categories do you have",
            "clear my cart",
            "no",
            "halo kak");

    @Test
    void addedCostPerOfflineTurn() throws Exception {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Path dir = Files.createTempDirectory("bench-logs");
        var file = com.shopassist.app.LogFileAccess.file(context, dir, "bench-kiosk");
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.detachAndStopAllAppenders();
        root.addAppender(file);
        root.setLevel(Level.INFO);
        Logger turnLog = context.getLogger("com.shopassist.ai.gemini.TurnLog");
        System.out.println("load average before: "
                + Files.readString(Path.of("/proc/loadavg")).strip());
        try (Database db = TestDatabase.freshSeeded()) {
            CommerceServices s = CommerceServices.create(db);
            MyBatisChatRepository chats = new MyBatisChatRepository(db);
            Clock clock = Clock.systemUTC();
            AiSettings offline = AiSettings.defaults(null);
            ToolBox raw = TestTools.over(s, chats, clock);
            AssistantChain before =
                    AssistantChain.create(offline, raw, chats, new OfflineAssistant(raw), clock, Oversight.none());
            SimpleMeterRegistry meters = new SimpleMeterRegistry();
            ToolBox counted = new MeteredToolBox(raw, meters);
            AssistantChain after = AssistantChain.create(
                    offline, counted, chats, new OfflineAssistant(counted), clock, new Oversight("k", null, meters));
            turnLog.setLevel(Level.WARN);
            play(before, 400);
            turnLog.setLevel(Level.INFO);
            play(after, 400);
            double[][] b = new double[4][];
            double[][] a = new double[4][];
            for (int round = 0; round < 4; round++) {
                turnLog.setLevel(Level.WARN);
                b[round] = play(before, 480);
                turnLog.setLevel(Level.INFO);
                a[round] = play(after, 480);
            }
            report("before (no meters, no turn line)", concat(b));
            report("after  (meters, JSON turn line, redaction)", concat(a));
            System.out.println("turn lines written: "
                    + Files.readAllLines(dir.resolve("shopassist.jsonl")).stream()
                            .filter(l -> l.contains("turn answered"))
                            .count());
            System.out.println("load average after: "
                    + Files.readString(Path.of("/proc/loadavg")).strip());
        } finally {
            root.detachAppender(file);
            file.stop();
        }
    }

    private static double[] play(AssistantChain chain, int turns) {
        double[] ms = new double[turns];
        ChatContext ctx = guest();
        for (int i = 0; i < turns; i++) {
            if (i % ASKS.size() == 0) {
                chain.forget(ctx);
                ctx = guest();
            }
            long t0 = System.nanoTime();
            chain.reply(ctx, ASKS.get(i % ASKS.size()));
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        return ms;
    }

    private static ChatContext guest() {
        return new ChatContext(
                UUID.randomUUID(), CartOwner.guest("bench-" + UUID.randomUUID()), null, null, Locale.ENGLISH);
    }

    private static double[] concat(double[][] parts) {
        return Arrays.stream(parts).flatMapToDouble(Arrays::stream).toArray();
    }

    private static void report(String what, double[] ms) {
        double[] s = ms.clone();
        Arrays.sort(s);
        System.out.printf(
                "%s: %d turns, p50 %.3f ms, p95 %.3f ms%n",
                what, s.length, s[s.length / 2], s[(int) (s.length * 0.95)]);
    }
}
