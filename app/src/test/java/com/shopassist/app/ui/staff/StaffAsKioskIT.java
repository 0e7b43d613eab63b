package com.shopassist.app.ui.staff;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopassist.app.ui.AsKioskViewModels;
import com.shopassist.app.ui.shell.Page;
import com.shopassist.app.ui.staff.StaffViewModel.Figures;
import com.shopassist.app.ui.staff.StaffViewModel.Health;
import com.shopassist.core.clerk.ClerkCall;
import org.junit.jupiter.api.Test;

/**
 * The staff panel on a kiosk connected as a real kiosk login role (decision 0080): a kiosk records
 * turns but may not read every kiosk's, so the panel says so in one line and still shows what the
 * role may read (its health, the store's AI spend ledger, the open clerk calls). No clerk, no panel.
 */
class StaffAsKioskIT extends AsKioskViewModels {

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
        assertThat(shell.staff().budgetProperty().get())
                .as("the spend ledger is every kiosk's to read")
                .isNotNull();
        assertThat(shell.staff().geminiProperty().get()).isEqualTo(Health.OFF);

        shell.staff().refresh();
        assertThat(shell.staff().figuresProperty().get()).isEqualTo(Figures.REFUSED);

        shell.account().signOut();
        assertThat(shell.pageProperty().get()).isNotEqualTo(Page.STAFF);
        assertThat(shell.staff().figuresProperty().get()).isEqualTo(Figures.NONE);
        assertThat(shell.staff().calls()).isEmpty();
    }
}
