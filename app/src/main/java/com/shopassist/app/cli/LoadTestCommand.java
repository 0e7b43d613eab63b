package com.shopassist.app.cli;

import com.shopassist.app.loadtest.LoadTest;
import com.shopassist.app.loadtest.LoadTestOptions;
import com.shopassist.app.loadtest.LoadTestResult;
import com.shopassist.app.wiring.AppWiring;
import java.io.PrintStream;
import java.util.List;

/**
 * {@code shopassist loadtest --kiosks N --duration S [--think MIN-MAX|0] [--json]
 * [--allow-on-store-database]}: simulated kiosks shop against the configured database, and the
 * report says how long turns and tools took, what waited for a connection, what the database
 * server's CPU did, and whether anything was oversold or ordered twice. Progress goes to stderr,
 * the report to stdout. Exit code 1 when an invariant broke or the store was not left as found.
 */
public final class LoadTestCommand {
    private LoadTestCommand() {}

    public static int run(AppWiring app, List<String> args, PrintStream out, PrintStream err) {
        LoadTestOptions options = LoadTestOptions.parse(args);
        if (options == null) {
            out.print(LoadTestOptions.USAGE);
            return 0;
        }
        app.setReplicaEnabled(false); // a load test measures the store database, not a kiosk's copy
        app.setSeedReport(err);
        LoadTestResult result = new LoadTest(app, options, err).run(true, r -> {
            if (options.json()) out.println(r.json().toString());
            else out.print(r.text());
            out.flush();
        });
        return result.consistent() && result.restored() ? 0 : 1;
    }
}
