package com.shopassist.app.ui.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.shopassist.app.ui.UiContext;
import com.shopassist.app.ui.UiServices;
import com.shopassist.app.ui.common.Feedback;
import com.shopassist.app.ui.kiosk.KioskSettings;
import com.shopassist.app.ui.shell.Page;
import com.shopassist.app.ui.shell.ShellViewModel;
import com.shopassist.app.wiring.AppWiring;
import com.shopassist.core.common.ShopException;
import com.shopassist.core.customer.Customer;
import com.shopassist.data.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Clerk mode and a served customer's privacy requests, through the view models, with the app
 * connected as a real kiosk login role (decision 0080): a clerk is whoever the store database
 * signs in as one, and a clerk exports or deletes a served customer's account only with that
 * customer's password, told clearly in the shopper's language when it is wrong.
 */
class PrivacyAsKioskIT {

    static TestDatabase.Roles roles;
    static UiServices services;
    final AtomicLong now = new AtomicLong(1_000_000);
    UiContext ui;
    ShellViewModel shell;

    @BeforeAll
    static void store() {
        roles = TestDatabase.freshSeededWithKiosk(6);
        AppWiring app = AppWiring.over(roles.kiosk(), Clock.systemUTC());
        services = app.uiServices(app.offlineAssistant(), false);
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
    void clerkModeIsForWhomTheDatabaseSignsInAsAClerk() {
        signIn("kasir@example.com", "not-the-password");
        assertThat(ui.session().isClerkMode()).isFalse();
        assertThat(feedback()).isEqualTo("That email or password isn’t right.");

        signIn("budi@example.com", "belanja123");
        assertThat(ui.session().isClerkMode()).isFalse();
        // nor can a customer's session look anyone up behind the view's back
        assertThatThrownBy(() -> services.customers().lookup("siti", 5))
                .isInstanceOfSatisfying(
                        ShopException.class, e -> assertThat(e.code()).isEqualTo("NOT_ALLOWED"));
        shell.account().signOut();

        signIn("kasir@example.com", "kasir123");
        assertThat(ui.session().isClerkMode()).isTrue();
        serve("maria@example.com");
        assertThat(ui.session().customer().email()).isEqualTo("maria@example.com");
        shell.account().signOut();
        assertThat(roles.kiosk().sessions().presentsAny()).isFalse();
    }

    @Test
    void aClerkExportsAServedCustomersDataOnlyWithTheirPasswordAndHearsWhyInEitherLanguage() {
        signIn("kasir@example.com", "kasir123");
        Customer maria = serve("maria@example.com");
        long exportsBefore = audited("EXPORT", maria.id());

        shell.privacy().export();
        assertThat(feedback()).isEqualTo("Ask the customer to type their password first.");

        shell.privacy().customerPasswordProperty().set("belanja124");
        shell.privacy().export();
        assertThat(feedback())
                .isEqualTo("That isn’t the customer’s password. Nothing was exported or deleted: ask the customer"
                        + " to type it again.");
        assertThat(shell.privacy().customerPasswordProperty().get())
                .as("the field is cleared")
                .isEmpty();

        ui.i18n().setLocale(Locale.forLanguageTag("id"));
        shell.privacy().customerPasswordProperty().set("salah-sandi");
        shell.privacy().export();
        assertThat(feedback())
                .isEqualTo("Itu bukan kata sandi pelanggan. Tidak ada yang diekspor atau dihapus: minta pelanggan"
                        + " mengetiknya lagi.");
        assertThat(shell.privacy().exportedProperty().get()).isEmpty();
        assertThat(audited("EXPORT", maria.id())).isEqualTo(exportsBefore);

        shell.privacy().customerPasswordProperty().set("belanja123");
        shell.privacy().export();
        assertThat(shell.privacy().exportedProperty().get()).contains("maria@example.com", "\"orders\"");
        assertThat(audited("EXPORT", maria.id())).isEqualTo(exportsBefore + 1);
        shell.account().signOut();
    }

    @Test
    void aClerkDeletesAServedCustomersAccountWithTheirPasswordAndStaysSignedInServingNoOne() {
        signIn("kasir@example.com", "kasir123");
        Customer putri = serve("putri@example.com");
        shell.navigate(Page.PRIVACY);
        shell.privacy().understoodProperty().set(true);

        shell.privacy().customerPasswordProperty().set("bukan-sandinya");
        shell.privacy().deleteAccount();
        assertThat(feedback()).startsWith("That isn’t the customer’s password.");
        assertThat(emailOf(putri.id())).isEqualTo("putri@example.com");
        assertThat(ui.session().customer()).isNotNull();

        shell.privacy().customerPasswordProperty().set("belanja123");
        shell.privacy().deleteAccount();

        assertThat(feedback())
                .isEqualTo("Putri Maharani’s account has been deleted. You are still signed in as a clerk.");
        assertThat(emailOf(putri.id())).isEqualTo("deleted-" + putri.id() + "@anonymised.invalid");
        assertThat(audited("DELETE_ACCOUNT", putri.id())).isEqualTo(1);
        assertThat(ui.session().isClerkMode()).isTrue();
        assertThat(ui.session().customer()).isNull();
        assertThat(shell.pageProperty().get()).isEqualTo(Page.ACCOUNT);
        // still a clerk in the database's eyes: the next customer can be looked up
        shell.account().lookupProperty().set("budi");
        shell.account().findCustomers();
        assertThat(shell.account().found()).extracting(Customer::email).contains("budi@example.com");
        shell.account().signOut();
    }

    @Test
    void aCustomerExportsAndDeletesTheirOwnAccountWithoutRetypingTheirPassword() {
        signIn("hendra@example.com", "belanja123");
        long hendra = ui.session().customer().id();
        assertThat(shell.privacy().clerkServesProperty().get()).isFalse();

        shell.privacy().export();
        assertThat(shell.privacy().exportedProperty().get()).contains("hendra@example.com");

        shell.privacy().understoodProperty().set(true);
        shell.privacy().deleteAccount();

        assertThat(feedback()).isEqualTo("Your account has been deleted.");
        assertThat(ui.session().isGuest()).isTrue();
        assertThat(emailOf(hendra)).isEqualTo("deleted-" + hendra + "@anonymised.invalid");
        assertThat(roles.kiosk().sessions().presentsAny())
                .as("no dead session presented")
                .isFalse();
        assertThat(audited("DELETE_ACCOUNT", hendra)).as("no clerk involved").isZero();
    }

    private void signIn(String email, String password) {
        shell.account().emailProperty().set(email);
        shell.account().passwordProperty().set(password);
        shell.account().signIn();
    }

    private Customer serve(String email) {
        shell.account().lookupProperty().set(email);
        shell.account().findCustomers();
        Customer c = shell.account().found().get(0);
        shell.account().actFor(c);
        return c;
    }

    private String feedback() {
        Feedback.Note note = ui.feedback().latest();
        return note == null ? null : note.text();
    }

    private static String emailOf(long customerId) {
        return ownerQuery("SELECT email FROM tbl_customers WHERE customer_id = ?", customerId);
    }

    private static long audited(String action, long customerId) {
        return Long.parseLong(ownerQuery(
                "SELECT count(*) FROM tbl_clerk_audit a JOIN tbl_customers k ON k.customer_id = a.clerk_id"
                        + " WHERE k.email = 'kasir@example.com' AND a.action = '" + action + "' AND a.customer_id = ?",
                customerId));
    }

    private static String ownerQuery(String sql, long id) {
        try (Connection c = roles.owner().dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
