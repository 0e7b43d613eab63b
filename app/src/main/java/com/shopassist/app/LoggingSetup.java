package com.shopassist.app;

import com.shopassist.app.config.AppConfig;
import com.shopassist.app.config.GlobalOptions;
import java.util.List;
import java.util.Map;

/**
 * Tells logback (before its first use) where the log file goes and whether the console gets log
 * lines: a headless command prints its result and at most one line of error, so the console is
 * quiet unless {@code --verbose}. The log file is {@code <data folder>/logs/shopassist.jsonl}, each
 * line naming the kiosk ({@link AppConfig#kioskId()}).
 */
final class LoggingSetup {
    private LoggingSetup() {}

    static void configure(List<String> args, Map<String, String> env) {
        boolean verbose = args.contains("--verbose") || args.contains("-v");
        System.setProperty("shopassist.console.level", verbose ? "INFO" : "OFF");
        try {
            AppConfig config = AppConfig.resolve(GlobalOptions.parse(args), env);
            System.setProperty(
                    "shopassist.log.dir", config.dataDir().resolve("logs").toString());
            System.setProperty("shopassist.kiosk.id", config.kioskId());
        } catch (RuntimeException e) {
            // a bad command line is reported by Main.run; logs then go to the default place
        }
    }
}
