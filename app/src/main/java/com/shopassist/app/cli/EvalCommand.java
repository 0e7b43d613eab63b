package com.shopassist.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.shopassist.app.eval.EvalReport;
import com.shopassist.app.eval.EvalSuite;
import com.shopassist.app.eval.EvalTask;
import com.shopassist.app.eval.Evaluation;
import com.shopassist.app.eval.PlayObserver;
import com.shopassist.app.eval.Recordings;
import com.shopassist.app.eval.ReplayGemini;
import com.shopassist.app.eval.ScratchDemoCopies;
import com.shopassist.app.wiring.AppWiring;
import com.shopassist.app.wiring.AppWiring.AssistantMode;
import com.shopassist.data.db.Database;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code shopassist eval [--json] [--assistant offline|gemini [--replay]] [--repeat K] [--only TEXT]}: plays
 * the shipped suite of shopper tasks, each on a fresh copy of the demo store, and prints pass^1,
 * pass^k and the wrong writes. The copies live on an embedded PostgreSQL of their own in the
 * data folder ({@code eval-db}); the store's database is never touched.
 */
public final class EvalCommand {
    private EvalCommand() {}

    public static final String USAGE = """
            Usage: shopassist eval [--json] [--assistant offline|gemini [--replay]] [--repeat K] [--only TEXT]
              --json                 the score as one JSON object on stdout
              --assistant offline    the offline assistant (default)
              --assistant gemini     Gemini first, as the window uses it (needs GEMINI_API_KEY)
              --replay               with gemini: the model's recorded replies from a local endpoint,
                                     no key and no network; only the tasks that have recordings
              --repeat K             play every task K times and report pass^K too (default 1)
              --only TEXT            only the tasks whose id or tags contain TEXT
            """;

    public static int run(AppWiring app, List<String> args, PrintStream out, PrintStream err) {
        boolean json = false;
        AssistantMode mode = AssistantMode.OFFLINE_ONLY;
        int repeat = 1;
        String only = null;
        boolean replay = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--json" -> json = true;
                case "--replay" -> replay = true;
                case "--assistant", "--repeat", "--only" -> {
                    if (i + 1 >= args.size()) {
                        err.println("eval: " + a + " needs a value");
                        return 2;
                    }
                    String v = args.get(++i);
                    if (a.equals("--only")) only = v;
                    else if (a.equals("--repeat")) {
                        try {
                            repeat = Integer.parseInt(v);
                        } catch (NumberFormatException e) {
                            repeat = 0;
                        }
                        if (repeat < 1 || repeat > 100) {
                            err.println("eval: --repeat takes a number from 1 to 100");
                            return 2;
                        }
                    } else if (v.equals("offline")) mode = AssistantMode.OFFLINE_ONLY;
                    else if (v.equals("gemini")) mode = AssistantMode.CHAIN;
                    else {
                        err.println("eval: --assistant is offline or gemini");
                        return 2;
                    }
                }
                case "--help", "-h" -> {
                    out.print(USAGE);
                    return 0;
                }
                default -> {
                    err.println("eval: unknown option '" + a + "' (try eval --help)");
                    return 2;
                }
            }
        }
        if (replay && mode != AssistantMode.CHAIN) {
            err.println("eval: --replay replays Gemini's recorded replies: use it with --assistant gemini");
            return 2;
        }
        if (!replay && mode == AssistantMode.CHAIN && app.setting("gemini.api-key", "GEMINI_API_KEY", null) == null) {
            err.println("eval: --assistant gemini needs GEMINI_API_KEY (or gemini.api-key in the config file)");
            return 2;
        }
        String filter = only;
        Recordings recorded = replay ? Recordings.shipped() : null;
        List<EvalTask> tasks = EvalSuite.shipped().stream()
                .filter(t ->
                        filter == null || t.id().contains(filter) || t.tags().contains(filter))
                .filter(t -> recorded == null || recorded.has(t.id()))
                .toList();
        if (tasks.isEmpty()) {
            err.println("eval: no task matches '" + only + "'" + (replay ? " among those with recorded replies" : ""));
            return 2;
        }
        boolean quiet = json;
        EvalReport report;
        try (ScratchDemoCopies copies = new ScratchDemoCopies(app.dataDir().resolve("eval-db"), app.clock());
                ReplayGemini fake = replay ? ReplayGemini.start(recorded) : null) {
            // a replay is the same everywhere: default settings pointed at the recordings, not the store's
            Function<Database, AppWiring> wiring =
                    fake == null ? app::overCopy : db -> AppWiring.over(db, app.clock(), fake.environment());
            PlayObserver observer = fake == null ? PlayObserver.NONE : fake;
            report = Evaluation.run(wiring, copies, tasks, mode, repeat, 1, observer, r -> {
                if (!quiet) err.print(r.passed() ? "." : r.wrongWrite() ? "W" : "F");
            });
        }
        if (!quiet) err.println();
        if (json) {
            Map<String, Object> m = report.json();
            if (replay) m.put("replayed", true);
            try {
                out.println(new ObjectMapper().writeValueAsString(m));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        } else {
            if (replay)
                out.println("Gemini replayed from recorded replies: " + tasks.size() + " tasks have recordings");
            out.print(report.text());
        }
        return 0;
    }
}
