package com.shopassist.app.eval;

import com.shopassist.app.wiring.AppWiring;
import com.shopassist.app.wiring.AppWiring.AssistantMode;
import com.shopassist.data.db.Database;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs the suite on copies of the demo store, with the assistant built by the app's wiring over
 * each copy (the same chain the window and the chat command talk to).
 */
public final class Evaluation {
    private Evaluation() {}

    /**
     * Plays every task {@code repeat} times. {@code tasksPerCopy} 1: each play on a copy of its
     * own. More: tasks that cannot see each other (no two of one customer, no two writing the
     * same product; guests each have their own cart) share a copy, up to that many, which is
     * what keeps the build's run short; each task is still scored against the state just before
     * it, and another shopper's data must stay untouched.
     *
     * @param wiringOver the app's wiring over one copy (the command: the configured app's settings)
     */
    public static EvalReport run(
            Function<Database, AppWiring> wiringOver,
            DemoCopies copies,
            List<EvalTask> tasks,
            AssistantMode mode,
            int repeat,
            int tasksPerCopy,
            Consumer<TaskResult> progress) {
        long t0 = System.nanoTime();
        List<List<TaskResult>> rounds = new ArrayList<>();
        for (int k = 0; k < repeat; k++) {
            Map<String, TaskResult> byId = new HashMap<>();
            for (List<EvalTask> group : groups(tasks, tasksPerCopy)) {
                Database db = copies.copy();
                try (AppWiring copy = wiringOver.apply(db)) {
                    for (EvalTask task : group) {
                        TaskResult r = EvalRunner.play(
                                task, copy.assistant(mode), copy.services().customers(), db.dataSource());
                        byId.put(task.id(), r);
                        progress.accept(r);
                    }
                } finally {
                    copies.discard(db);
                }
            }
            rounds.add(tasks.stream().map(t -> byId.get(t.id())).toList());
        }
        return new EvalReport(
                mode == AssistantMode.OFFLINE_ONLY ? "offline" : "gemini",
                repeat,
                rounds,
                (System.nanoTime() - t0) / 1_000_000);
    }

    /** Tasks in groups of at most {@code size} that share no customer and write no product twice. */
    static List<List<EvalTask>> groups(List<EvalTask> tasks, int size) {
        List<List<EvalTask>> groups = new ArrayList<>();
        List<Set<String>> taken = new ArrayList<>();
        for (EvalTask t : tasks) {
            Set<String> mine = new HashSet<>();
            if (t.customer() != null) mine.add("customer " + t.customer());
            if (t.cart() != null) for (String p : t.cart().keySet()) mine.add("product " + p);
            int at = -1;
            for (int g = 0; g < groups.size() && at < 0; g++) {
                if (groups.get(g).size() < size && Collections.disjoint(taken.get(g), mine)) at = g;
            }
            if (at < 0) {
                groups.add(new ArrayList<>());
                taken.add(new HashSet<>());
                at = groups.size() - 1;
            }
            groups.get(at).add(t);
            taken.get(at).addAll(mine);
        }
        return groups;
    }
}
