package com.shopassist.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.shopassist.app.eval.EvalReport;
import com.shopassist.app.eval.EvalSuite;
import com.shopassist.app.eval.EvalTask;
import com.shopassist.app.eval.Evaluation;
import com.shopassist.app.eval.ScratchDemoCopies;
import com.shopassist.app.wiring.AppWiring;
import com.shopassist.app.wiring.AppWiring.AssistantMode;
import java.io.PrintStream;
import java.util.List;

/**
 * {@code shopassist eval [--json] [--assistant offline|gemini] [--repeat K] [--only TEXT]}: plays
 * the shipped suite of shopper tasks, each on a fresh copy of the demo store, and prints pass^1,
 * pass^k and the wrong writes. The copies live on an embedded PostgreSQL of their own in the
 * data folder ({@code eval-db}); the store's database is never touched.
 */
public final class EvalCommand {
    private EvalCommand() {}

    public static final String USAGE = """
            Usage: shopassist eval [--json] [--assistant offline|gemini] [--repeat K] [--only TEXT]
              --json                 the score as one JSON object on stdout
              --assistant offline    the offline assistant (default)
              --assistant gemini     Gemini first, as the window uses it (needs GEMINI_API_KEY)
              --repeat K             play every task K times and report pass^K too (default 1)
              --only TEXT            only the tasks whose id or tags contain TEXT
            """;

    public static int run(AppWiring app, List<String> args, PrintStream out, PrintStream err) {
        boolean json = false;
        AssistantMode mode = AssistantMode.OFFLINE_ONLY;
        int repeat = 1;
        String only = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--json" -> json = true;
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
        if (mode == AssistantMode.CHAIN && app.setting("gemini.api-key", "GEMINI_API_KEY", null) == null) {
            err.println("eval: --assistant gemini needs GEMINI_API_KEY (or gemini.api-key in the config file)");
            return 2;
        }
        String filter = only;
        List<EvalTask> tasks = EvalSuite.shipped().stream()
                .filter(t ->
                        filter == null || t.id().contains(filter) || t.tags().contains(filter))
                .toList();
        if (tasks.isEmpty()) {
            err.println("eval: no task matches '" + only + "'");
            return 2;
        }
        boolean quiet = json;
        EvalReport report;
        try (ScratchDemoCopies copies = new ScratchDemoCopies(app.dataDir().resolve("eval-db"), app.clock())) {
            report = Evaluation.run(app::overCopy, copies, tasks, mode, repeat, 1, r -> {
                if (!quiet) err.print(r.passed() ? "." : r.wrongWrite() ? "W" : "F");
            });
        }
        if (!quiet) err.println();
        if (json) {
            try {
                out.println(new ObjectMapper().writeValueAsString(report.json()));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        } else {
            out.print(report.text());
        }
        return 0;
    }
}
