package com.shopassist.app.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopassist.app.wiring.AppWiring;
import com.shopassist.app.wiring.AppWiring.AssistantMode;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The Gemini path of the evaluation without the network: the real chain (LangChain4j's Gemini
 * client, the tools over a copy of the demo store, the reply validator) against {@link
 * ReplayGemini} answering from the recordings shipped beside the suite. Every recorded task passes
 * and nothing is written that was not asked for; the controls, whose recordings are a model
 * going wrong, fail as they should.
 */
class GeminiReplayEvalIT {

    private static final Clock CLOCK = Clock.systemUTC();

    private static Map<String, Set<String>> unused = Map.of();
    private static List<ReplayGemini.Call> calls = List.of();

    private static EvalReport play(Recordings recordings, List<EvalTask> tasks) {
        return play(recordings, tasks, 1);
    }

    private static EvalReport play(Recordings recordings, List<EvalTask> tasks, int repeat) {
        try (ReplayGemini fake = ReplayGemini.start(recordings)) {
            EvalReport report = Evaluation.run(
                    db -> AppWiring.over(db, CLOCK, fake.environment()),
                    new OfflineEvalIT.TestCopies(),
                    tasks,
                    AssistantMode.CHAIN,
                    repeat,
                    25,
                    fake,
                    r -> {});
            unused = fake.unused(tasks);
            calls = fake.calls();
            return report;
        }
    }

    @Test
    void everyRecordedTaskPassesOnTheGeminiPathWithNoWrongWrite() {
        Recordings recordings = Recordings.shipped();
        List<EvalTask> tasks =
                EvalSuite.shipped().stream().filter(t -> recordings.has(t.id())).toList();
        Set<String> unknown = new TreeSet<>(recordings.tasks());
        tasks.forEach(t -> unknown.remove(t.id()));
        assertThat(unknown).as("recordings for tasks the suite does not have").isEmpty();
        assertThat(tasks).hasSizeGreaterThanOrEqualTo(30);

        long t0 = System.nanoTime();
        EvalReport report = play(recordings, tasks);
        System.out.print(report.text());
        System.out.printf("GeminiReplayEvalIT: %.1f s%n", (System.nanoTime() - t0) / 1e9);
        assertThat(report.wrongWrites()).as(report.text()).isZero();
        assertThat(report.passAt1()).as(report.text()).isEqualTo(1.0);
        System.out.println(tokens(calls));
        // every recorded answer was asked for: the chain played the recording, not the offline assistant
        assertThat(unused).isEmpty();
    }

    @Test
    void aRecordedTaskPlayedInTwoRoundsPassesBoth() {
        // each round is a new play: its calls are asked once in it, not "twice" because round 1 asked them
        List<EvalTask> tasks = EvalSuite.shipped().stream()
                .filter(t -> t.id().equals("cart-total-01"))
                .toList();
        EvalReport report = play(Recordings.shipped(), tasks, 2);
        assertThat(report.rounds()).hasSize(2);
        assertThat(report.passAtK()).as(report.text()).isEqualTo(1.0);
        assertThat(unused).isEmpty();
    }

    private static List<String> served(List<ReplayGemini.Call> calls, String task) {
        return calls.stream()
                .filter(c -> c.task().equals(task))
                .map(c -> "turn " + c.turn() + " call " + c.call())
                .toList();
    }

    /** Input tokens as the endpoint counted them (about 4 characters a token), per call and per turn. */
    static String tokens(List<ReplayGemini.Call> calls) {
        Map<String, Integer> perTurn = new java.util.LinkedHashMap<>();
        long all = 0;
        long declarations = 0;
        for (ReplayGemini.Call c : calls) {
            perTurn.merge(c.task() + "/" + c.turn(), c.inputTokens(), Integer::sum);
            all += c.inputTokens();
            declarations += c.declarationTokens();
        }
        int[] turns =
                perTurn.values().stream().mapToInt(Integer::intValue).sorted().toArray();
        return String.format(
                java.util.Locale.ROOT,
                "input tokens (~4 characters a token): %d model calls, %.0f a call (%.0f of it function declarations);"
                        + " %d turns that reached the model, %.0f a turn, median %d, max %d",
                calls.size(),
                all / (double) calls.size(),
                declarations / (double) calls.size(),
                turns.length,
                all / (double) turns.length,
                turns[turns.length / 2],
                turns[turns.length - 1]);
    }

    @Test
    void theControlsWhereTheModelGoesWrongFailOrAreCorrected() {
        String base = "/com/shopassist/app/eval/replay-controls/";
        Recordings recordings = Recordings.load(base, "replay.txt");
        List<EvalTask> tasks = EvalSuite.read(base + "tasks.json");
        EvalReport report = play(recordings, tasks);
        System.out.print(report.text());
        Map<String, TaskResult> byId = new HashMap<>();
        for (TaskResult r : report.rounds().get(0)) byId.put(r.id(), r);

        // a price that is not the product's: the validator puts the real one in before the shopper reads it
        assertThat(byId.get("control-wrong-price").passed())
                .as(byId.get("control-wrong-price").problems().toString())
                .isTrue();
        // a write nobody asked for, and the wrong product added: both scored as wrong writes
        assertThat(byId.get("control-unasked-add").wrongWrite()).isTrue();
        assertThat(byId.get("control-wrong-product").wrongWrite()).isTrue();
        assertThat(byId.get("control-wrong-product").problems()).anyMatch(p -> p.startsWith("cart "));
        // ...and it passed because the model's wrong price reached the validator, not because the offline
        // assistant answered: every recorded call was asked, the wrong-price text among them
        assertThat(unused).doesNotContainKeys("control-wrong-price", "control-unasked-checkout");
        assertThat(served(calls, "control-wrong-price")).containsExactly("turn 0 call 0", "turn 0 call 1");
        // an order the shopper did not ask for stays a proposal: nothing is placed without a yes
        assertThat(byId.get("control-unasked-checkout").passed())
                .as(byId.get("control-unasked-checkout").problems().toString())
                .isTrue();
        // the recorded checkout call itself was answered: the chain, not a fallback, kept it a proposal
        assertThat(served(calls, "control-unasked-checkout"))
                .containsExactly("turn 0 call 0", "turn 0 call 1", "turn 1 call 0", "turn 1 call 1");
        // a model call nobody recorded fails the task at once, it does not hang or fall through
        assertThat(byId.get("control-unrecorded").passed()).isFalse();
        assertThat(byId.get("control-unrecorded").problems())
                .contains("no recorded reply for task control-unrecorded turn 0 call 0");
        // a recording may only use a product id the model was shown
        assertThat(byId.get("control-unseen-product").problems())
                .anyMatch(p -> p.contains("which no tool result sent to the model shows"));
        // a recorded order placeholder that matches no order of the copy fails the task, naming it
        assertThat(byId.get("control-no-such-order").problems())
                .contains("task control-no-such-order turn 0 call 0: {order:999999} matches no order of the demo"
                        + " store (the demo seed changed: correct the task)");
        // a recorded call the play never asked for fails the task: it did not test what was recorded
        assertThat(byId.get("control-never-asked").passed()).isFalse();
        assertThat(byId.get("control-never-asked").problems())
                .containsExactly("task control-never-asked never asked for its recorded turn 0 call 1");
        // an order number only from a tool result or the shopper, as a product id: never filled in blindly
        assertThat(byId.get("control-order-not-shown").passed()).isFalse();
        assertThat(byId.get("control-order-not-shown").problems())
                .anyMatch(p -> p.startsWith("task control-order-not-shown turn 0 call 0: the recording names order SA-")
                        && p.endsWith("which neither the shopper nor a tool result sent to the model shows"));
        // a word the task says must not appear fails it when a tool result shows it to the model, not only in replies
        assertThat(byId.get("control-absent-in-result").passed()).isFalse();
        assertThat(byId.get("control-absent-in-result").problems())
                .contains("task control-absent-in-result turn 0 call 1: a tool result sent to the model shows"
                        + " \"Leather Belt - Small\", which the task says must not appear");
        assertThat(report.wrongWrites()).isEqualTo(2);
    }
}
