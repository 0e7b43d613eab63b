package com.shopassist.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopassist.app.ui.common.UiTasks;
import com.shopassist.app.ui.shell.MainWindow;
import com.shopassist.app.ui.shell.ShellViewModel;
import com.shopassist.app.ui.shell.UiLauncher;
import com.shopassist.app.wiring.AppWiring;
import com.shopassist.app.wiring.CoreServices;
import com.shopassist.data.db.Database;
import com.shopassist.data.testing.TestDatabase;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real window over a seeded PostgreSQL, the real commerce services and the offline assistant,
 * headless through Monocle. One database per test class, one fresh window per test.
 */
@ExtendWith(ApplicationExtension.class)
public abstract class UiTestBase {

    static {
        // the headless screen must be larger than the window (default 1280x800)
        System.setProperty("headless.geometry", "1920x1200-32");
    }

    protected static Database db;
    protected static CoreServices commerce;
    protected static UiServices services;

    protected Stage stage;
    protected UiContext ui;
    protected MainWindow window;
    protected ShellViewModel shell;

    @BeforeAll
    static void seededStore() {
        db = TestDatabase.freshSeeded();
        AppWiring app = AppWiring.over(db, Clock.systemUTC());
        commerce = app.services();
        services = app.uiServices(app.offlineAssistant(), false);
    }

    /** The window's services over {@code db} from the composition root, the offline assistant answering. */
    protected static UiServices offlineServices(Database db) {
        AppWiring app = AppWiring.over(db, Clock.systemUTC());
        return app.uiServices(app.offlineAssistant(), false);
    }

    @AfterAll
    static void closeStore() {
        if (db != null) db.close();
    }

    protected UiOptions options() {
        return UiOptions.defaults();
    }

    /** Options for one test (by default the class's {@link #options()}). */
    protected UiOptions options(org.junit.jupiter.api.TestInfo test) {
        return options();
    }

    protected UiServices services() {
        return services;
    }

    // @Start is only found on the test class itself, so the window opens here
    @BeforeEach
    void openWindow(org.junit.jupiter.api.TestInfo test) throws Exception {
        FxToolkit.registerPrimaryStage();
        UiOptions o = options(test);
        UiServices s = services();
        WaitForAsyncUtils.asyncFx(() -> {
                    stage = new Stage();
                    ui = UiContext.create(s, UiTasks.background(), o.locale(), o.kiosk());
                    window = UiLauncher.open(stage, ui, o);
                    shell = window.viewModel();
                    stage.show();
                })
                .get();
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void stopWindow() throws Exception {
        if (window == null) return;
        WaitForAsyncUtils.asyncFx(() -> {
                    window.stop();
                    stage.hide();
                })
                .get();
        WaitForAsyncUtils.waitForFxEvents();
        ui.tasks().close();
    }

    /** Waits (up to 20 s) for a condition checked on the FX thread. */
    protected static void waitUntil(String what, BooleanSupplier condition) {
        waitUntil(what, 20, condition);
    }

    /** Waits (up to {@code seconds}) for a condition checked on the FX thread. */
    protected static void waitUntil(String what, int seconds, BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(
                    seconds,
                    TimeUnit.SECONDS,
                    () -> WaitForAsyncUtils.asyncFx(condition::getAsBoolean).get());
        } catch (TimeoutException e) {
            throw new AssertionError("timed out waiting until " + what, e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    protected static <T extends Node> T node(FxRobot robot, String query) {
        return robot.lookup(query).query();
    }

    protected static String text(FxRobot robot, String query) {
        Node n = robot.lookup(query).query();
        return ((Labeled) n).getText();
    }

    protected static boolean exists(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().isPresent();
    }

    protected static boolean showing(FxRobot robot, String query) {
        return robot.lookup(query)
                .tryQuery()
                .map(n -> n.isVisible() && n.getScene() != null)
                .orElse(false);
    }

    /** The first product card's Add button that can be pressed, under {@code container}. */
    protected static Button firstAddButton(FxRobot robot, String container) {
        return robot.lookup(container + " .card-add").queryAllAs(Button.class).stream()
                .filter(b -> !b.isDisabled())
                .findFirst()
                .orElseThrow(() -> new AssertionError("no product card with an enabled Add button"));
    }

    protected static long productIdOf(Button add) {
        return Long.parseLong(add.getId().substring("add-".length()));
    }

    protected static void assertNoStackTraceShown(FxRobot robot) {
        for (Node n : robot.lookup(".label").queryAll()) {
            String t = ((Labeled) n).getText();
            if (t != null) assertThat(t).doesNotContain("Exception").doesNotContain("\tat ");
        }
    }
}
