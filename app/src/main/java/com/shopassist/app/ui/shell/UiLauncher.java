package com.shopassist.app.ui.shell;

import com.shopassist.app.startup.StartupTimeline;
import com.shopassist.app.ui.StartingServices;
import com.shopassist.app.ui.UiContext;
import com.shopassist.app.ui.UiOptions;
import com.shopassist.app.ui.UiServices;
import com.shopassist.app.ui.chat.ChatViewModel;
import com.shopassist.app.ui.common.UiTasks;
import com.shopassist.core.chat.ChatContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts JavaFX without an Application subclass (the jar's main class is a plain launcher), opens
 * the main window and blocks until it closes.
 */
public final class UiLauncher {

    private static final Logger LOG = LoggerFactory.getLogger(UiLauncher.class);

    private UiLauncher() {}

    /** Builds the window into {@code stage} (also used by the UI tests and the screenshot tour). */
    public static MainWindow open(Stage stage, UiContext ui, UiOptions options) {
        Appearance appearance = new Appearance(options.effectiveFontScale());
        appearance.darkProperty().set(options.dark());
        appearance.highContrastProperty().set(options.highContrast());
        ShellViewModel shell = new ShellViewModel(ui, System::currentTimeMillis);
        MainWindow window = new MainWindow(shell, appearance);
        Scene scene = new Scene(window, 1360, 860);
        window.install(scene);
        stage.setScene(scene);
        stage.setTitle("ShopAssist");
        stage.setMinWidth(1024);
        stage.setMinHeight(700);
        if (options.kiosk().enabled()) {
            // a kiosk is not left by a key
            stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
            stage.setFullScreenExitHint("");
            // a kiosk is closed by a clerk: sign in with a clerk account, then close the window
            stage.setOnCloseRequest(e -> {
                if (!ui.session().isClerkMode()) e.consume();
            });
        }
        stage.setOnHidden(e -> window.stop());
        return window;
    }

    /** Opens the window over ready services and blocks until it is closed. */
    public static void run(UiServices services, UiOptions options) {
        run(services, null, options, false, StartHooks.NONE);
    }

    /**
     * What the launcher learns of the start and does after it.
     *
     * @param firstFrame the window's first frame is drawn (once; on the FX thread)
     * @param semanticReady completes when semantic search has loaded (never, when it is off): a
     *     measured start reports the memory with it loaded
     * @param measuredTurnDone the measured chat turn has been read: take it out of the store
     *     (called off the FX thread)
     */
    public record StartHooks(
            Runnable firstFrame,
            java.util.function.Supplier<CompletionStage<?>> semanticReady,
            Consumer<ChatContext> measuredTurnDone) {
        static final StartHooks NONE = new StartHooks(() -> {}, () -> null, ctx -> {});
    }

    /**
     * Opens the window at once over services that are still starting and blocks until it is
     * closed. The chat takes typing from the first frame; what is sent waits for the services
     * (see {@link StartingServices}). A first start (initdb, migrations, the demo seed) says so
     * in the chat and shows the progress bar until it is done.
     */
    public static void run(StartingServices starting, UiOptions options, boolean firstStart, StartHooks hooks) {
        run(starting.services(), starting, options, firstStart, hooks);
    }

    private static void run(
            UiServices services, StartingServices starting, UiOptions options, boolean firstStart, StartHooks hooks) {
        CountDownLatch closed = new CountDownLatch(1);
        UiTasks tasks = UiTasks.background();
        Platform.setImplicitExit(true);
        Platform.startup(() -> {
            StartupTimeline.mark("FX toolkit started");
            try {
                Stage stage = new Stage();
                UiContext ui = UiContext.create(services, tasks, options.locale(), options.kiosk());
                MainWindow window = open(stage, ui, options);
                stage.setOnHidden(e -> closed.countDown());
                stage.show();
                // full screen once shown (some platforms refuse it for a window not yet on screen)
                if (options.kiosk().enabled()) stage.setFullScreen(true);
                StartupTimeline.mark("window shown");
                if (starting != null) {
                    starting.showProgress(ui, window.viewModel().chat()::notice, firstStart);
                    starting.windowShown();
                }
                // the pulse after show() lays out and draws the first frame
                Platform.runLater(() -> Platform.runLater(hooks.firstFrame()));
                if (options.measureStartup()) measure(options.exitAfterStartup(), stage, window, ui, hooks);
            } catch (RuntimeException e) {
                LOG.error("the window could not open", e);
                closed.countDown();
            }
        });
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            tasks.close();
            Platform.exit();
        }
    }

    /**
     * {@code --measure-startup}: the time from JVM start to a chat the shopper can use. When the
     * first frame is drawn a message is typed and sent, as a shopper at the kiosk would; the start
     * counts as done when its answer has arrived (so the database, migrations and assistant are
     * in it, not only the window). Prints each phase, the resident memory and the CPU used; then,
     * with semantic search on, the memory once it has loaded. The measured turn is taken out of
     * the store afterwards: a measurement leaves nothing in the database.
     */
    private static void measure(boolean exit, Stage stage, MainWindow window, UiContext ui, StartHooks hooks) {
        var chat = window.viewModel().chat();
        Platform.runLater(() -> Platform.runLater(() -> {
            StartupTimeline.mark("first frame drawn: the chat takes typing");
            StartupTimeline.Mark shown = StartupTimeline.latest();
            report("startup: window ready for typing " + shown.atMs() + " ms after JVM start; RSS " + rssMb() + " MB ("
                    + heap() + "); CPU " + shown.cpuMs() + " ms");
            int before = chat.messages().size();
            var measured = ui.session().chatContext(ui.i18n().locale());
            chat.inputProperty().set(MEASURE_MESSAGE);
            chat.send();
            chat.waitingProperty().addListener(new javafx.beans.value.ChangeListener<Boolean>() {
                @Override
                public void changed(
                        javafx.beans.value.ObservableValue<? extends Boolean> o, Boolean was, Boolean waiting) {
                    if (waiting) return;
                    chat.waitingProperty().removeListener(this);
                    StartupTimeline.mark("first answer shown");
                    StartupTimeline.Mark answered = StartupTimeline.latest();
                    for (StartupTimeline.Mark m : StartupTimeline.marks()) report("startup:   " + m);
                    report("startup: CPU by thread: " + threadCpu());
                    report("startup: interactive chat " + answered.atMs() + " ms after JVM start (a message sent"
                            + " at the first frame, answered); RSS " + rssMb() + " MB (" + heap() + "); CPU "
                            + answered.cpuMs()
                            + " ms");
                    settle(() -> {
                        // read now: the answer's words are revealed a few at a time
                        String answer = chat.messages().size() > before + 1
                                ? chat.messages().get(before + 1).text()
                                : "";
                        report("startup: first answer: " + oneLine(answer));
                        report("startup: RSS after 3 s idle " + rssMb() + " MB (" + heap() + ")");
                        afterSemantic(hooks, () -> finish(exit, stage, chat, measured, hooks));
                    });
                }
            });
        }));
    }

    private static void settle(Runnable then) {
        PauseTransition settle = new PauseTransition(Duration.seconds(3));
        settle.setOnFinished(e -> then.run());
        settle.play();
    }

    /** With semantic search on: waits (at most a minute) for it to load, then reports the memory. */
    private static void afterSemantic(StartHooks hooks, Runnable then) {
        // asked off the FX thread: the application context may be busy with the database
        CompletableFuture.supplyAsync(() -> hooks.semanticReady().get())
                .thenCompose(ready -> ready == null
                        ? CompletableFuture.completedFuture(false)
                        : ready.toCompletableFuture()
                                .orTimeout(60, TimeUnit.SECONDS)
                                .thenApply(v -> true))
                .whenComplete((loaded, e) -> Platform.runLater(() -> {
                    if (e != null) {
                        report("startup: semantic search did not load (" + oneLine(e.toString()) + ")");
                        then.run();
                        return;
                    }
                    if (!loaded) {
                        then.run();
                        return;
                    }
                    StartupTimeline.mark("semantic search ready");
                    StartupTimeline.Mark mark = StartupTimeline.latest();
                    settle(() -> {
                        report("startup: semantic search ready " + mark.atMs() + " ms after JVM start; CPU "
                                + mark.cpuMs() + " ms");
                        report("startup: RSS with semantic search, 3 s after it loaded " + rssMb() + " MB (" + heap()
                                + ")");
                        then.run();
                    });
                }));
    }

    /** Takes the measured turn out of the store, then closes the window (=exit) or clears the chat. */
    private static void finish(boolean exit, Stage stage, ChatViewModel chat, ChatContext measured, StartHooks hooks) {
        Thread cleanup = new Thread(
                () -> {
                    try {
                        hooks.measuredTurnDone().accept(measured);
                    } catch (RuntimeException e) {
                        LOG.warn("the measured chat turn could not be removed from the store", e);
                        report("startup: the measured chat turn could not be removed: " + oneLine(e.toString()));
                    }
                    Platform.runLater(() -> {
                        if (exit) stage.hide();
                        else chat.clear();
                    });
                },
                "measure-cleanup");
        cleanup.setDaemon(true);
        cleanup.start();
    }

    /** What the measured start types: a greeting, answered through the database like any message. */
    static final String MEASURE_MESSAGE = "hello";

    private static void report(String line) {
        LOG.info(line);
        System.out.println(line);
    }

    private static String oneLine(String text) {
        String t = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        return t.length() > 100 ? t.substring(0, 100) + "…" : t;
    }

    /** "heap 80 of 380 MB": what the Java heap holds now (garbage included) and what it has reserved. */
    static String heap() {
        Runtime r = Runtime.getRuntime();
        return "heap " + (r.totalMemory() - r.freeMemory()) / (1024 * 1024) + " of " + r.totalMemory() / (1024 * 1024)
                + " MB";
    }

    /**
     * CPU used so far by each thread of this process, the busiest first (Linux: from /proc, so
     * the JIT compilers and the garbage collector are in it too); threads of one kind summed.
     */
    static String threadCpu() {
        java.util.Map<String, Long> byName = new java.util.HashMap<>();
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path t : (Iterable<Path>) tasks::iterator) {
                String stat;
                try {
                    stat = Files.readString(t.resolve("stat"));
                } catch (java.io.IOException e) {
                    continue; // the thread ended
                }
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'))
                        .replaceAll("[0-9#-]+$", "")
                        .strip();
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime + stime
                byName.merge(name, ticks * 10, Long::sum); // 100 ticks a second on Linux
            }
        } catch (Exception e) {
            return "unknown";
        }
        return byName.entrySet().stream()
                .sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(12)
                .map(e -> e.getKey() + " " + e.getValue())
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /** Resident memory of this process from /proc (Linux); -1 elsewhere. */
    static long rssMb() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (l.startsWith("VmRSS:")) return Long.parseLong(l.replaceAll("\\D", "")) / 1024;
            }
        } catch (Exception e) {
            // not Linux
        }
        return -1;
    }
}
