package com.shopassist.app.ui;

import com.shopassist.app.ui.kiosk.KioskSettings;
import com.shopassist.app.ui.shell.ShellViewModel;
import com.shopassist.app.wiring.AppWiring;
import com.shopassist.app.wiring.AppWiring.AssistantMode;
import com.shopassist.data.testing.TestDatabase;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * The window's view models, run on the test's thread, over a seeded store reached as a real kiosk
 * login role (decision 0080), with the app's assistant storing every turn. One store per test
 * class, a fresh kiosk (no session presented) per test.
 */
public abstract class AsKioskViewModels {

    protected static TestDatabase.Roles roles;
    protected static UiServices services;
    protected final AtomicLong now = new AtomicLong(1_000_000);
    protected UiContext ui;
    protected ShellViewModel shell;

    @BeforeAll
    static void kioskStore() {
        roles = TestDatabase.freshSeededWithKiosk(6);
        AppWiring app = AppWiring.over(roles.kiosk(), Clock.systemUTC());
        services = app.uiServices(app.assistant(AssistantMode.OFFLINE_ONLY), false);
    }

    @AfterAll
    static void closeStore() {
        roles.close();
    }

    @BeforeEach
    void freshKiosk() {
        roles.kiosk().sessions().present(null);
        ui = UiContext.direct(services, Locale.ENGLISH, KioskSettings.kiosk());
        shell = new ShellViewModel(ui, now::get);
    }

    protected void signIn(String email, String password) {
        shell.account().emailProperty().set(email);
        shell.account().passwordProperty().set(password);
        shell.account().signIn();
    }
}
