package com.shopassist.app.eval;

import com.shopassist.app.wiring.AppWiring;
import com.shopassist.app.wiring.AppWiring.AssistantMode;
import com.shopassist.data.db.Database;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs the suite: every task {@code repeat} times, each play on its own copy of the demo store,
 * with the assistant built by the app's wiring over that copy (the same chain the window and the
 * chat command talk to).
 */
public final class Evaluation {
    private Evaluation() {}

    /** {@code wiringOver}: the app's wiring over one copy (the command: the configured app's settings). */
    public static EvalReport run(
            Function<Database, AppWiring> wiringOver,
            DemoCopies copies,
            List<EvalTask> tasks,
            AssistantMode mode,
            int repeat,
            Consumer<TaskResult> progress) {
        long t0 = System.nanoTime();
        List<List<TaskResult>> rounds = new ArrayList<>();
        for (int k = 0; k < repeat; k++) {
            List<TaskResult> round = new ArrayList<>();
            for (EvalTask task : tasks) {
                Database db = copies.copy();
                try (AppWiring copy = wiringOver.apply(db)) {
                    TaskResult r = EvalRunner.play(
                            task, copy.assistant(mode), copy.services().customers(), db.dataSource());
                    round.add(r);
                    progress.accept(r);
                } finally {
                    copies.discard(db);
                }
            }
            rounds.add(round);
        }
        return new EvalReport(
                mode == AssistantMode.OFFLINE_ONLY ? "offline" : "gemini",
                repeat,
                rounds,
                (System.nanoTime() - t0) / 1_000_000);
    }
}
