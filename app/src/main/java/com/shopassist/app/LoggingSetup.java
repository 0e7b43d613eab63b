package com.shopassist.app;

import com.shopassist.app.config.AppConfig;
import com.shopassist.app.config.GlobalOptions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tells logback (before its first use) where the log file goes and whether the console gets log
 * lines: a headless command prints its result and at most one line of error, so the console is
 * quiet unless {@code --verbose}. The log file is {@code <data folder>/logs/shopassist.jsonl}, each
 * line naming the kiosk by its one id ({@link AppConfig#kioskId()}, the id its holds and meters carry).
 */
final class LoggingSetup {
    private LoggingSetup() {}

    static void configure(List<String> args, Map<String, String> env) {
        boolean verbose = args.contains("--verbose") || args.contains("-v");
        System.setProperty("shopassist.console.level", verbose ? "INFO" : "OFF");
        properties(args, env).forEach(System::setProperty);
    }

    /**
     * The log's folder and the kiosk id its lines carry, as far as the command line and settings
     * resolve: a bad command line or a bad {@code kiosk.id} is reported by Main.run, and the log then
     * goes to the default place or names no kiosk.
     */
    static Map<String, String> properties(List<String> args, Map<String, String> env) {
        Map<String, String> properties = new LinkedHashMap<>();
        try {
            AppConfig config = AppConfig.resolve(GlobalOptions.parse(args), env);
            properties.put(
                    "shopassist.log.dir", config.dataDir().resolve("logs").toString());
            properties.put("shopassist.kiosk.id", config.kioskId());
        } catch (RuntimeException e) {
            // the log folder stays when only the kiosk id is wrong
        }
        return properties;
    }
}
