package com.shopassist.app;

import com.shopassist.app.cli.ChatCommand;
import com.shopassist.app.cli.DbCommand;
import com.shopassist.app.cli.EvalCommand;
import com.shopassist.app.cli.LoadTestCommand;
import com.shopassist.app.cli.OutboxCommand;
import com.shopassist.app.cli.ReportCommand;
import com.shopassist.app.config.AppConfig;
import com.shopassist.app.config.ConfigException;
import com.shopassist.app.config.GlobalOptions;
import com.shopassist.app.startup.StartupTimeline;
import com.shopassist.app.wiring.AppWiring;
import com.shopassist.core.common.ShopException;
import java.io.InputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Entry point of {@code shopassist.jar}. A plain launcher (not a JavaFX Application subclass, which
 * would fail on the class path with "JavaFX runtime components are missing"). With no command it
 * opens the desktop app; {@code db ...}, {@code chat ...}, {@code eval ...} and {@code loadtest ...} run headless. Failures print one line
 * and exit non-zero; {@code --verbose} adds the stack trace and logs on the console.
 */
public final class Main {

    public static final String USAGE = """
            Usage: java -jar shopassist.jar [options] [command]

            Commands:
              (none)                              open the ShopAssist window
            %s
            %s
            %s
              chat [...]                          talk to the assistant in the terminal
              eval [...]                          score the assistant on the shipped shopper tasks
              loadtest --kiosks N --duration S    simulated kiosks shop against the database; latency report

            Options (anywhere on the line):
              --db-url URL        store database (jdbc:postgresql://host:5432/db?sslmode=verify-full)
              --db-user USER      database user
              --db-password PW    database password
              --db-read-url URL   a read replica for catalog reads (user, password: --db-read-user, --db-read-password)
              --config FILE       config file (default: shopassist.properties in the data folder)
              --data-dir DIR      data folder (embedded database, logs)
              --verbose           log to the console and show stack traces
              --help              this text

            Environment: SHOPASSIST_DB_URL, SHOPASSIST_DB_USER, SHOPASSIST_DB_PASSWORD,
            SHOPASSIST_CONFIG, SHOPASSIST_DATA_DIR. No database configured: embedded PostgreSQL.
            """.formatted(
                    DbCommand.USAGE.indent(2).stripTrailing(),
                    ReportCommand.USAGE.indent(2).stripTrailing(),
                    OutboxCommand.USAGE.indent(2).stripTrailing());

    private Main() {}

    public static void main(String[] args) {
        StartupTimeline.mark("main");
        // before anything else runs on classes that may have come from a stale archive
        var relaunched = ClassDataArchive.relaunchIfStale(args);
        if (relaunched.isPresent()) System.exit(relaunched.get());
        LoggingSetup.configure(List.of(args), System.getenv());
        ClassDataArchive.logIfSkipped();
        int code = run(List.of(args), System.in, System.out, System.err, System.getenv(), Clock.systemDefaultZone());
        System.exit(code);
    }

    /** Runs one command line; returns the process exit code (0 ok, 1 failed, 2 usage error). */
    public static int run(
            List<String> args, InputStream in, PrintStream out, PrintStream err, Map<String, String> env, Clock clock) {
        boolean verbose = args.contains("--verbose") || args.contains("-v");
        try {
            GlobalOptions options = GlobalOptions.parse(args);
            if (options.help()
                    || (!options.rest().isEmpty() && options.rest().get(0).equals("help"))) {
                out.print(USAGE);
                return 0;
            }
            AppConfig config = AppConfig.resolve(options, env);
            try (AppWiring app = new AppWiring(config, clock)) {
                app.setNotices(err);
                return dispatch(app, options.rest(), in, out, err);
            }
        } catch (ConfigException e) {
            err.println("error: " + e.getMessage());
            if (verbose) e.printStackTrace(err);
            return 2;
        } catch (ShopException e) {
            err.println("error: " + e.getMessage());
            if (verbose) e.printStackTrace(err);
            return 1;
        } catch (RuntimeException | Error e) {
            err.println("error: " + oneLine(e) + (verbose ? "" : " (run with --verbose for details)"));
            if (verbose) e.printStackTrace(err);
            return 1;
        }
    }

    private static int dispatch(AppWiring app, List<String> rest, InputStream in, PrintStream out, PrintStream err) {
        if (rest.isEmpty() || rest.get(0).startsWith("-")) {
            DesktopLauncher.launch(app, rest);
            return 0;
        }
        String command = rest.get(0);
        List<String> commandArgs = rest.subList(1, rest.size());
        return switch (command) {
            case "db" -> DbCommand.run(app, commandArgs, out, err);
            case "chat" -> ChatCommand.run(app, commandArgs, in, out, err);
            case "report" -> ReportCommand.run(app, commandArgs, out);
            case "eval" -> EvalCommand.run(app, commandArgs, out, err);
            case "outbox" -> OutboxCommand.run(app, commandArgs, out, err);
            case "loadtest" -> LoadTestCommand.run(app, commandArgs, out, err);
            default -> throw new ConfigException("Unknown command '" + command + "' (try --help)");
        };
    }

    static String oneLine(Throwable e) {
        String msg = e.getMessage();
        if (msg == null || msg.isBlank()) return e.getClass().getSimpleName();
        return msg.lines().findFirst().orElse(msg).strip();
    }
}
