package com.shopassist.app.eval;

import com.shopassist.app.wiring.AppWiring;
import com.shopassist.app.wiring.AppWiring.AssistantMode;
import com.shopassist.data.db.Database;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
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
     * own. More: tasks that cannot see each other ({@link #groups}; guests each have their own
     * cart) share a copy, up to that many, which is
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
        return run(wiringOver, copies, tasks, mode, repeat, tasksPerCopy, PlayObserver.NONE, progress);
    }

    /** {@link #run} with every play told to {@code observer} (the replayed model follows the tasks). */
    public static EvalReport run(
            Function<Database, AppWiring> wiringOver,
            DemoCopies copies,
            List<EvalTask> tasks,
            AssistantMode mode,
            int repeat,
            int tasksPerCopy,
            PlayObserver observer,
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
                                task, copy.assistant(mode), copy.services().customers(), db.dataSource(), observer);
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

    /**
     * Tasks in groups of at most {@code size} that cannot see each other: no two of one customer,
     * none that names (in its turns, facts or expected cart) a product another one ends up holding
     * in its cart, and a task that places an order (stock sold for good) on a copy of its own.
     */
    static List<List<EvalTask>> groups(List<EvalTask> tasks, int size) {
        List<List<EvalTask>> groups = new ArrayList<>();
        List<Set<String>> customers = new ArrayList<>();
        List<Set<String>> held = new ArrayList<>();
        List<StringBuilder> named = new ArrayList<>();
        for (EvalTask t : tasks) {
            String text = mentions(t);
            Set<String> holds = new HashSet<>();
            if (t.cart() != null) for (String p : t.cart().keySet()) holds.add(base(p));
            int at = -1;
            for (int g = 0; g < groups.size() && at < 0 && t.newOrders() == 0; g++) {
                boolean fits = groups.get(g).size() < size
                        && groups.get(g).get(0).newOrders() == 0
                        && (t.customer() == null || !customers.get(g).contains(t.customer()))
                        && held.get(g).stream().noneMatch(text::contains)
                        && holds.stream().noneMatch(named.get(g).toString()::contains);
                if (fits) at = g;
            }
            if (at < 0) {
                groups.add(new ArrayList<>());
                customers.add(new HashSet<>());
                held.add(new HashSet<>());
                named.add(new StringBuilder());
                at = groups.size() - 1;
            }
            groups.get(at).add(t);
            if (t.customer() != null) customers.get(at).add(t.customer());
            held.get(at).addAll(holds);
            named.get(at).append(text).append('\n');
        }
        return groups;
    }

    /** Everything a task says or expects, lower case: the products it may read or write are named there. */
    private static String mentions(EvalTask t) {
        StringBuilder sb = new StringBuilder();
        for (String s : t.turns()) sb.append(s).append('\n');
        for (String s : t.facts()) sb.append(s).append('\n');
        if (t.cart() != null) for (String p : t.cart().keySet()) sb.append(p).append('\n');
        return sb.toString().toLowerCase(Locale.ROOT);
    }

    /** A product's name without its variant ("... First Aid Kit - Medium" -> "... first aid kit"). */
    private static String base(String name) {
        int dash = name.lastIndexOf(" - ");
        return (dash > 0 ? name.substring(0, dash) : name).toLowerCase(Locale.ROOT);
    }
}
