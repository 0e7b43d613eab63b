package com.shopassist.app;

import com.shopassist.ai.semantic.SemanticSearch;
import com.shopassist.app.startup.StartupTimeline;
import com.shopassist.app.ui.StartingServices;
import com.shopassist.app.ui.UiOptions;
import com.shopassist.app.ui.UiServices;
import com.shopassist.app.ui.shell.UiLauncher;
import com.shopassist.app.wiring.AppWiring;
import com.shopassist.app.wiring.AppWiring.AssistantMode;
import com.shopassist.core.chat.ChatContext;
import com.shopassist.data.db.EmbeddedDatabase;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desktop (and kiosk) window: {@code java -jar shopassist.jar [--kiosk] [--lang=id] [--dark]
 * [--offline] ...}. Services, tool layer and assistant come from the composition root
 * ({@link AppWiring}), built on a background thread while the window opens (decision 0042).
 */
public final class DesktopLauncher {

    private static final Logger LOG = LoggerFactory.getLogger(DesktopLauncher.class);

    /** How long a call from the window waits for the services: a first start seeds the catalog. */
    static final Duration CALL_WAIT = Duration.ofMinutes(2);
    /** How long a chat message waits before the shopper is told that ShopAssist is still starting. */
    static final Duration CHAT_WAIT = Duration.ofSeconds(20);

    /** How long a first start waits for the window before it begins anyway. */
    static final Duration WINDOW_WAIT = Duration.ofSeconds(10);

    /**
     * Semantic search loads this long after the window is drawn and the services are up, and
     * at the latest {@link #SEMANTIC_LATEST} after the launch: loading the model takes about a
     * second of CPU, which a two-core kiosk needs for the start itself (decision 0077).
     */
    static final Duration SEMANTIC_PAUSE = Duration.ofSeconds(2);

    static final Duration SEMANTIC_LATEST = Duration.ofSeconds(30);

    private DesktopLauncher() {}

    /** Opens the window and blocks until it is closed. */
    public static void launch(AppWiring app, List<String> args) {
        StartupTimeline.mark("desktop launcher");
        UiOptions options = UiOptions.parse(args, UiOptions.fromSettings(app::setting));
        boolean offlineOnly = args.contains("--offline");
        boolean geminiKey = !offlineOnly && app.setting("gemini.api-key", "GEMINI_API_KEY", null) != null;
        boolean firstStart =
                app.isEmbedded() && !EmbeddedDatabase.exists(app.dataDir().resolve("db"));
        CompletableFuture<Void> firstFrame = new CompletableFuture<>();
        CompletableFuture<Void> servicesUp = new CompletableFuture<>();
        app.loadSemanticAfter(CompletableFuture.allOf(firstFrame, servicesUp)
                .thenCompose(v -> pause(SEMANTIC_PAUSE))
                .completeOnTimeout(null, SEMANTIC_LATEST.toMillis(), TimeUnit.MILLISECONDS));
        // the window opens at once over stand-ins; the database, migrations and assistant start
        // on their own thread meanwhile (a message sent before they are ready waits for them)
        Supplier<UiServices> build = () -> {
            app.startUpkeep(); // its runs reach the database themselves, once it is there
            try {
                UiServices services = app.uiServices(
                        app.assistant(offlineOnly ? AssistantMode.OFFLINE_ONLY : AssistantMode.CHAIN), geminiKey);
                StartupTimeline.mark("services ready");
                servicesUp.complete(null);
                SemanticSearch semantic = app.semanticSearch();
                if (semantic != null) semantic.whenReady().thenRun(DesktopLauncher::collectAfterLoading);
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
        UiLauncher.run(
                starting,
                options,
                firstStart,
                new UiLauncher.StartHooks(
                        () -> firstFrame.complete(null),
                        () -> {
                            SemanticSearch semantic = app.semanticSearch();
                            return semantic == null ? null : semantic.whenReady();
                        },
                        measured -> forgetMeasuredTurn(app, offlineOnly, measured)));
    }

    /**
     * Loading the vectors streams the stored float32 rows through the heap (150 MB at 100,000
     * products); the fetch buffers that were live at a young collection end up in the old
     * generation. One full collection once it is done lets the heap shrink back, instead of the
     * kiosk keeping that memory all day (decision 0078). A pause of a few tens of milliseconds,
     * seconds after the start, with nobody typing yet.
     */
    static void collectAfterLoading() {
        Runtime r = Runtime.getRuntime();
        long before = (r.totalMemory() - r.freeMemory()) >> 20;
        System.gc();
        LOG.info(
                "semantic search loaded: a full collection took the heap from {} to {} MB ({} MB reserved)",
                before,
                (r.totalMemory() - r.freeMemory()) >> 20,
                r.totalMemory() >> 20);
    }

    private static CompletableFuture<Void> pause(Duration d) {
        return CompletableFuture.runAsync(
                () -> {}, CompletableFuture.delayedExecutor(d.toMillis(), TimeUnit.MILLISECONDS));
    }

    /**
     * {@code --measure-startup} types one chat message as a guest: its conversation (and a guest
     * cart, had it made one) is taken out of the store again, so measuring a kiosk leaves nothing
     * behind in the store's data (the assistant's memory of it is dropped too).
     */
    static void forgetMeasuredTurn(AppWiring app, boolean offlineOnly, ChatContext measured) {
        app.assistant(offlineOnly ? AssistantMode.OFFLINE_ONLY : AssistantMode.CHAIN)
                .forget(measured);
        app.repositories().chats().deleteSession(measured.chatSessionId());
        app.services().carts().discard(measured.owner());
        LOG.info("startup measurement: its chat turn was removed from the store");
    }

    private static String firstLine(Throwable e) {
        String msg = e.getMessage();
        if (msg == null || msg.isBlank()) return e.getClass().getSimpleName();
        return msg.lines().findFirst().orElse(msg).strip();
    }
}
