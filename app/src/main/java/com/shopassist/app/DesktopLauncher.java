package com.shopassist.app;

import com.shopassist.app.startup.StartupTimeline;
import com.shopassist.app.ui.StartingServices;
import com.shopassist.app.ui.UiOptions;
import com.shopassist.app.ui.UiServices;
import com.shopassist.app.ui.shell.UiLauncher;
import com.shopassist.app.wiring.AppWiring;
import com.shopassist.app.wiring.AppWiring.AssistantMode;
import com.shopassist.data.db.EmbeddedDatabase;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * The desktop (and kiosk) window: {@code java -jar shopassist.jar [--kiosk] [--lang=id] [--dark]
 * [--offline] ...}. Services, tool layer and assistant come from the composition root
 * ({@link AppWiring}), built on a background thread while the window opens (decision 0042).
 */
public final class DesktopLauncher {

    /** How long a call from the window waits for the services: a first start seeds the catalog. */
    static final Duration CALL_WAIT = Duration.ofMinutes(2);
    /** How long a chat message waits before the shopper is told that ShopAssist is still starting. */
    static final Duration CHAT_WAIT = Duration.ofSeconds(20);

    /** How long a first start waits for the window before it begins anyway. */
    static final Duration WINDOW_WAIT = Duration.ofSeconds(10);

    private DesktopLauncher() {}

    /** Opens the window and blocks until it is closed. */
    public static void launch(AppWiring app, List<String> args) {
        StartupTimeline.mark("desktop launcher");
        UiOptions options = UiOptions.parse(args, UiOptions.fromSettings(app::setting));
        boolean offlineOnly = args.contains("--offline");
        boolean geminiKey = !offlineOnly && app.setting("gemini.api-key", "GEMINI_API_KEY", null) != null;
        boolean firstStart =
                app.isEmbedded() && !EmbeddedDatabase.exists(app.dataDir().resolve("db"));
        // the window opens at once over stand-ins; the database, migrations and assistant start
        // on their own thread meanwhile (a message sent before they are ready waits for them)
        Supplier<UiServices> build = () -> {
            try {
                UiServices services = app.uiServices(
                        app.assistant(offlineOnly ? AssistantMode.OFFLINE_ONLY : AssistantMode.CHAIN), geminiKey);
                StartupTimeline.mark("services ready");
                return services;
            } catch (RuntimeException e) {
                // the window shows the database banner; the console gets the one line
                System.err.println("error: " + firstLine(e));
                throw e;
            }
        };
        // a first start (initdb, every migration, the demo seed) loads both cores for seconds: it
        // waits for the window, so the shopper sees the window and its progress note at once
        StartingServices starting = firstStart
                ? StartingServices.beginAfterWindow(build, geminiKey, CALL_WAIT, CHAT_WAIT, WINDOW_WAIT)
                : StartingServices.begin(build, geminiKey, CALL_WAIT, CHAT_WAIT);
        StartupTimeline.mark("services starting");
        UiLauncher.run(starting, options, firstStart);
    }

    private static String firstLine(Throwable e) {
        String msg = e.getMessage();
        if (msg == null || msg.isBlank()) return e.getClass().getSimpleName();
        return msg.lines().findFirst().orElse(msg).strip();
    }
}
