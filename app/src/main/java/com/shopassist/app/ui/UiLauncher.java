package com.shopassist.app.ui;

import com.shopassist.app.ui.common.UiTasks;
import com.shopassist.app.ui.shell.Appearance;
import com.shopassist.app.ui.shell.MainWindow;
import com.shopassist.app.ui.shell.ShellViewModel;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
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

    /** Opens the window and blocks until it is closed. */
    public static void run(UiServices services, UiOptions options) {
        run(() -> services, options);
    }

    /**
     * Starts the FX toolkit (and parses the theme) on one thread while {@code services} are built
     * on this one (database, migrations, assistant), then opens the window: the two slowest parts
     * of a start overlap instead of queueing.
     */
    public static void run(Supplier<UiServices> services, UiOptions options) {
        CountDownLatch closed = new CountDownLatch(1);
        Thread fx = new Thread(
                () -> {
                    Platform.setImplicitExit(true);
                    Platform.startup(() -> new Appearance(options.effectiveFontScale()).warmUp(options.dark()));
                },
                "fx-startup");
        fx.setDaemon(true);
        fx.start();
        UiServices built;
        try {
            built = services.get();
            if (options.measureStartup()) LOG.info("startup: services ready {} ms after JVM start", sinceJvmStart());
            fx.join();
            if (options.measureStartup()) LOG.info("startup: toolkit ready {} ms after JVM start", sinceJvmStart());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        UiTasks tasks = UiTasks.background();
        Platform.runLater(() -> {
            try {
                Stage stage = new Stage();
                UiContext ui = UiContext.create(built, tasks, options.locale(), options.kiosk());
                open(stage, ui, options);
                stage.setOnHidden(e -> closed.countDown());
                stage.show();
                // full screen once shown (some platforms refuse it for a window not yet on screen)
                if (options.kiosk().enabled()) stage.setFullScreen(true);
                if (options.measureStartup()) reportStartup(options.exitAfterStartup(), stage);
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

    /** Logs the time from JVM start to an interactive chat (window shown, first frame drawn) and RSS. */
    private static void reportStartup(boolean exit, Stage stage) {
        // the pulse after show() has laid out and drawn the first frame
        Platform.runLater(() -> Platform.runLater(() -> {
            long ms = System.currentTimeMillis()
                    - ManagementFactory.getRuntimeMXBean().getStartTime();
            String line = "startup: interactive chat " + ms + " ms after JVM start; RSS " + rssMb() + " MB; CPU "
                    + cpuMs() + " ms";
            LOG.info(line);
            System.out.println(line);
            PauseTransition settle = new PauseTransition(Duration.seconds(3));
            settle.setOnFinished(e -> {
                String after = "startup: RSS after 3 s idle " + rssMb() + " MB";
                LOG.info(after);
                System.out.println(after);
                if (exit) stage.hide();
            });
            settle.play();
        }));
    }

    private static long sinceJvmStart() {
        return System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    }

    /** CPU time this process has used so far (all threads): a start's cost independent of machine load. */
    static long cpuMs() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) return sun.getProcessCpuTime() / 1_000_000;
        return -1;
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
