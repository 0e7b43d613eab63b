package com.shopassist.app.ui.staff;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopassist.app.ui.UiContext;
import com.shopassist.app.ui.UiServices;
import com.shopassist.app.ui.kiosk.KioskSettings;
import com.shopassist.app.ui.shell.Page;
import com.shopassist.app.ui.shell.ShellViewModel;
import com.shopassist.app.ui.staff.StaffViewModel.Figures;
import com.shopassist.app.ui.staff.StaffViewModel.Health;
import com.shopassist.app.wiring.AppWiring;
import com.shopassist.app.wiring.AppWiring.AssistantMode;
import com.shopassist.core.clerk.ClerkCall;
import com.shopassist.data.testing.TestDatabase;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The staff panel on a kiosk connected as a real kiosk login role (decision 0080): a kiosk records
 * turns but may not read every kiosk's, so the panel says so in one line and still shows what the
 * role may read (its health, the store's open clerk calls). No clerk, no panel.
 */
class StaffAsKioskIT {

    static TestDatabase.Roles roles;
    static UiServices services;
    final AtomicLong now = new AtomicLong(1_000_000);
    UiContext ui;
    ShellViewModel shell;

    @BeforeAll
    static void store() {
        roles = TestDatabase.freshSeededWithKiosk(4);
        AppWiring app = AppWiring.over(roles.kiosk(), Clock.systemUTC());
        services = app.uiServices(app.assistant(AssistantMode.OFFLINE_ONLY), false);
    }

    @AfterAll
    static void close() {
        roles.close();
    }

    @BeforeEach
    void freshKiosk() {
        roles.kiosk().sessions().present(null);
        ui = UiContext.direct(services, Locale.ENGLISH, KioskSettings.kiosk());
        shell = new ShellViewModel(ui, now::get);
    }

    @Test
    void aKioskRoleShowsHealthAndCallsAndSaysItCannotReadTheStoresFigures() {
        shell.chat().inputProperty().set("rice cooker");
        shell.chat().send(); // a turn recorded by this kiosk: it may write turns, not read them
        ClerkCall call = services.clerkCalls().call("Till 9");

        shell.navigate(Page.STAFF);
        assertThat(shell.pageProperty().get()).as("no clerk, no panel").isEqualTo(Page.ACCOUNT);
        shell.staff().refresh();
        assertThat(shell.staff().figuresProperty().get())
                .as("nothing read without a clerk")
                .isEqualTo(Figures.NONE);
        assertThat(shell.staff().calls()).isEmpty();

        signIn("kasir@example.com", "kasir123");
        shell.navigate(Page.STAFF);
        assertThat(shell.pageProperty().get()).isEqualTo(Page.STAFF);
        assertThat(shell.staff().figuresProperty().get()).isEqualTo(Figures.REFUSED);
        assertThat(shell.staff().todayProperty().get()).isNull();
        assertThat(shell.staff().callsKnownProperty().get()).isTrue();
        assertThat(shell.staff().calls()).extracting(ClerkCall::id).contains(call.id());
        assertThat(shell.staff().databaseProperty().get()).isEqualTo(Health.GOOD);
        assertThat(shell.staff().geminiProperty().get()).isEqualTo(Health.OFF);

        shell.staff().refresh();
        assertThat(shell.staff().figuresProperty().get()).isEqualTo(Figures.REFUSED);

        shell.account().signOut();
        assertThat(shell.pageProperty().get()).isNotEqualTo(Page.STAFF);
        assertThat(shell.staff().figuresProperty().get()).isEqualTo(Figures.NONE);
        assertThat(shell.staff().calls()).isEmpty();
    }

    private void signIn(String email, String password) {
        shell.account().emailProperty().set(email);
        shell.account().passwordProperty().set(password);
        shell.account().signIn();
    }
}
